using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GiftBot.Conversations.State;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.ClickTracking;

/// <summary>
/// The opaque token a tracked link carries instead of the conversation id (a Messenger conversation id is the
/// shopper's PSID, which does not belong in a URL). One random token per conversation, mapped back through the
/// bot's IStorage.
/// </summary>
public sealed partial class ClickTokens : IPersonalDataHolder
{
    private const string KeyPrefix = "clicktokens/";
    private readonly IStorage _storage;
    private readonly BotAccessors _accessors;

    public ClickTokens(IStorage storage, BotAccessors accessors)
    {
        _storage = storage;
        _accessors = accessors;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex TokenPattern();

    public static bool IsWellFormed(string? token) => token is not null && TokenPattern().IsMatch(token);

    public async Task<string> GetOrCreateAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var data = await _accessors.ConversationData.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (IsWellFormed(data.ClickToken)) return data.ClickToken!;

        var token = Base64Url(RandomNumberGenerator.GetBytes(16));
        var activity = turnContext.Activity;
        var origin = new ClickOrigin(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", activity.From?.Id);
        await _storage.WriteAsync(new Dictionary<string, object> { [KeyPrefix + token] = origin }, cancellationToken);
        data.ClickToken = token;
        return token;
    }

    /// <summary>The conversation a token was issued for, or null for an unknown or malformed token.</summary>
    public async Task<ClickOrigin?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token)) return null;
        var key = KeyPrefix + token;
        var items = await _storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var stored) ? ToOrigin(stored) : null;
    }

    public string Name => "tracked links";

    public async Task<JsonNode?> ExportAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var tokens = await TokensOfAsync(person, cancellationToken);
        return tokens.Count == 0 ? null : new JsonArray([.. tokens.Select(token => (JsonNode?)token)]);
    }

    /// <summary>Deletes the tokens of the person's conversations, so a later order or click is no longer tied to them.</summary>
    public async Task<int> ForgetAsync(DataSubject person, CancellationToken cancellationToken)
    {
        var tokens = await TokensOfAsync(person, cancellationToken);
        if (tokens.Count > 0) await _storage.DeleteAsync([.. tokens.Select(token => KeyPrefix + token)], cancellationToken);
        return tokens.Count;
    }

    // A conversation's token is kept in its state (ConversationData), which the privacy delete removes after the holders ran.
    private async Task<IReadOnlyList<string>> TokensOfAsync(DataSubject person, CancellationToken cancellationToken)
    {
        if (person.ConversationIds.Count == 0) return [];
        var states = await _storage.ReadAsync([.. person.ConversationIds.Select(id => $"{person.ChannelId}/conversations/{id}")], cancellationToken);
        return states.Values
            .Select(state => state is IDictionary<string, object> values && values.TryGetValue(nameof(ConversationData), out var data) ? data : (state as JObject)?[nameof(ConversationData)])
            .Select(data => data switch { ConversationData typed => typed.ClickToken, JObject json => json.Value<string>(nameof(ConversationData.ClickToken)), _ => null })
            .Where(IsWellFormed).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    // Storage hands values back as JObject (plain JSON) or as the written object (MemoryStorage in-process).
    private static ClickOrigin? ToOrigin(object? stored) => stored switch
    {
        ClickOrigin origin => origin,
        JObject json => json.ToObject<ClickOrigin>(),
        _ => null,
    };

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Where a tracked click came from.</summary>
public sealed record ClickOrigin(string ChannelId, string ConversationId, string? UserId);
