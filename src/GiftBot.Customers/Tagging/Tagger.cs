using GiftBot.Customers.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Tagging;

/// <summary>Tags a person by the configured rules when the bot recognises an intent or answers an FAQ topic.</summary>
public interface ITagger
{
    /// <summary>Adds the tags of every rule matching <paramref name="intent"/> or <paramref name="faqTopic"/>; returns the tags that were new.</summary>
    Task<IReadOnlyList<string>> ApplyAsync(string channelId, string userId, string? intent, string? faqTopic, CancellationToken cancellationToken);
}

public sealed class Tagger(
    ICustomerContextStore store, IOptionsMonitor<TaggingOptions> tagging, IOptionsMonitor<CustomersOptions> customers, ILogger<Tagger> logger)
    : ITagger
{
    public async Task<IReadOnlyList<string>> ApplyAsync(string channelId, string userId, string? intent, string? faqTopic, CancellationToken cancellationToken)
    {
        var tags = tagging.CurrentValue.AllRules
            .Where(rule => rule.Matches(intent, faqTopic))
            .SelectMany(rule => rule.Tags)
            .Select(CustomerTags.Normalize)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tags.Count == 0)
        {
            return [];
        }

        var maxTags = customers.CurrentValue.MaxTags;
        List<string> added = [];
        var skipped = 0;
        await store.UpdateAsync(channelId, userId, context =>
        {
            // Re-computed on every attempt: a concurrent change may have added some of these tags already.
            var missing = tags.Where(t => !context.Tags.Contains(t, StringComparer.Ordinal)).ToList();
            added = missing.Take(Math.Max(0, maxTags - context.Tags.Count)).ToList();
            skipped = missing.Count - added.Count;
            return context.AddTags(added);
        }, createIfMissing: true, cancellationToken).ConfigureAwait(false);

        if (added.Count > 0)
        {
            // Debug and without the person's id: a shopper's turn writes one information line, and ids are personal data.
            logger.LogDebug("Tagged a person on {ChannelId} with {Tags} (intent {Intent}, FAQ topic {FaqTopic})", channelId, added, intent, faqTopic);
        }
        if (skipped > 0)
        {
            logger.LogWarning("A person on {ChannelId} already has {MaxTags} tags; {Skipped} rule tags were not added", channelId, maxTags, skipped);
        }

        return added;
    }
}
