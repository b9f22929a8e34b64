using System.Text;
using GiftBot.Language.Analysis;
using GiftBot.Language.Entities;
using GiftBot.Language.Text;

namespace GiftBot.Language.Classification;

/// <summary>
/// The text the intent classifier sees: entities replaced by placeholders so it learns sentence shapes, not catalog words
/// ("gift for my nephew who loves space" → "gift for my _recipient_ who loves _interest_"), and contractions spelled out.
/// A theme added to the catalog tomorrow then needs no new training sentences.
/// </summary>
public static class ClassifierText
{
    private static readonly Dictionary<string, string> Contractions = new()
    {
        ["'s"] = "is", ["'t"] = "not", ["'re"] = "are", ["'m"] = "am", ["'ll"] = "will", ["'ve"] = "have", ["'d"] = "would",
    };

    public static string Build(Utterance u, ExtractedEntities entities, WordCorrector? corrector = null)
    {
        var placeholders = new string?[u.Tokens.Count];
        Mark(placeholders, entities.Age, "_age_");
        Mark(placeholders, entities.Budget, "_budget_");
        foreach (var m in entities.Interests.Concat(entities.ExcludedInterests)) Mark(placeholders, m, "_interest_");
        foreach (var m in entities.Recipients) Mark(placeholders, m, "_recipient_");
        foreach (var m in entities.Occasions) Mark(placeholders, m, "_occasion_");
        foreach (var phrase in u.Phrases)
        {
            var kind = phrase.Entries[0].Kind;
            if (kind == PhraseKind.Recipient && phrase.Entries[0].Value == "myself" && entities.Recipients.All(r => r.First != phrase.First)) continue;
            var placeholder = kind switch
            {
                PhraseKind.Recipient => "_recipient_", PhraseKind.Interest => "_interest_", PhraseKind.Occasion => "_occasion_",
                PhraseKind.AgeWord => "_age_", _ => "_budget_",
            };
            for (var i = phrase.First; i <= phrase.Last; i++) placeholders[i] ??= placeholder;
        }
        foreach (var n in entities.Numbers)
            for (var i = n.Span.First; i <= n.Span.Last; i++) placeholders[i] ??= "_num_";

        var text = new StringBuilder();
        string? previous = null;
        for (var i = 0; i < u.Tokens.Count; i++)
        {
            var token = u.Tokens[i];
            var word = placeholders[i] ?? (token.Kind == TokenKind.Currency ? "_budget_" : Contractions.GetValueOrDefault(token.Lower, token.Lower));
            if (placeholders[i] is null && token.IsWord && corrector is not null) word = corrector.Correct(word);
            if (placeholders[i] is not null && word == previous) continue;
            if (token.Kind == TokenKind.Punctuation && word != "?") { previous = null; continue; }
            text.Append(text.Length == 0 ? "" : " ").Append(word);
            previous = word;
        }
        return text.ToString();
    }

    private static void Mark<T>(string?[] placeholders, EntityMention<T>? mention, string placeholder)
    {
        if (mention is null) return;
        for (var i = mention.First; i <= mention.Last; i++) placeholders[i] ??= placeholder;
    }
}
