using System.Security.Cryptography;
using System.Text;
using GiftBot.Language.Analysis;
using GiftBot.Language.Training;
using Newtonsoft.Json;

namespace GiftBot.Language.Embedded;

/// <summary>Everything a language model is built from. Its <see cref="CacheKey"/> changes whenever any of it does.</summary>
public sealed record LanguageModelSources(UtteranceFile Utterances, Lexicon Lexicon, IReadOnlyList<InterestTerm> Interests, IReadOnlyList<FaqTerm> Faqs)
{
    /// <summary>Which recipients imply an age band; not part of the cache key (the classifier does not use it).</summary>
    public RecipientAges RecipientAges { get; init; } = RecipientAges.Load();

    /// <summary>Bump when features or training change in code, so cached models from older builds are not reused.</summary>
    public const string ModelFormatVersion = "giftbot-intents-3";

    public string CacheKey()
    {
        var text = new StringBuilder(ModelFormatVersion).Append('|').Append(Utterances.ContentHash).Append('|')
            .Append(JsonConvert.SerializeObject(Lexicon)).Append('|')
            .Append(VocabularyFingerprint(Interests, Faqs));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string VocabularyFingerprint(IReadOnlyList<InterestTerm> interests, IReadOnlyList<FaqTerm> faqs)
    {
        var text = new StringBuilder();
        foreach (var term in interests.OrderBy(t => t.Theme, StringComparer.Ordinal))
            text.Append(term.Theme).Append('=').AppendJoin(',', term.Synonyms).Append(';');
        text.Append('|');
        foreach (var term in faqs.OrderBy(t => t.TopicId, StringComparer.Ordinal))
            text.Append(term.TopicId).Append('=').AppendJoin(',', term.Phrasings).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
