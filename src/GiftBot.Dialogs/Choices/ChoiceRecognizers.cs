using System.Globalization;
using GiftBot.Dialogs.Prompts;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Number;

namespace GiftBot.Dialogs.Choices;

/// <summary>
/// Finds which choice an utterance names: first by text (value, button title, button value, synonyms; whole or
/// partial), then by ordinal ("the second one", "2nd", "last"), then by a bare number ("2", "two").
/// </summary>
public static class ChoiceRecognizers
{
    // Words that say nothing about which choice is meant; they never make a partial match on their own
    // and may surround a bare number ("number 2 please").
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "one", "ones", "i", "id", "im", "ill", "me", "my", "mine", "it", "its", "is", "be", "of",
        "for", "to", "and", "or", "in", "on", "at", "with", "that", "this", "those", "these", "some", "something",
        "want", "like", "would", "take", "choose", "pick", "go", "get", "please", "pls", "thanks", "think", "guess",
        "number", "option", "choice", "no", "nr", "lets", "let", "s",
    };

    /// <summary>The best matching choice, or null when the utterance names none (or is ambiguous).</summary>
    public static FoundChoice? RecognizeChoice(string? utterance, IList<Choice>? choices, string? locale = null)
    {
        if (string.IsNullOrWhiteSpace(utterance) || choices is null || choices.Count == 0)
        {
            return null;
        }

        return FindByText(utterance, choices)
            ?? FindByOrdinal(utterance, choices, locale)
            ?? FindByNumber(utterance, choices, locale);
    }

    private static FoundChoice? FindByText(string utterance, IList<Choice> choices)
    {
        var words = Tokenizer.Tokenize(utterance);
        if (words.Count == 0)
        {
            return null;
        }

        var whole = string.Join(' ', words);
        var ranked = new List<(Match Match, int Index)>();
        for (var i = 0; i < choices.Count; i++)
        {
            Match? bestForChoice = null;
            foreach (var candidate in Candidates(choices[i]))
            {
                var tokens = Tokenizer.Tokenize(candidate);
                if (tokens.Count == 0)
                {
                    continue;
                }

                if (string.Join(' ', tokens) == whole)
                {
                    return Found(choices[i], i, 1f, candidate);
                }

                if (Score(words, tokens, candidate) is { } match
                    && (bestForChoice is null || match.CompareTo(bestForChoice.Value) > 0))
                {
                    bestForChoice = match;
                }
            }

            if (bestForChoice is { } found)
            {
                ranked.Add((found, i));
            }
        }

        if (ranked.Count == 0)
        {
            return null;
        }

        ranked.Sort((a, b) => b.Match.CompareTo(a.Match));

        // Two choices matched equally well ("lego" for "Lego City" and "Lego Friends"): ask again rather than guess.
        if (ranked.Count > 1 && ranked[0].Match.CompareTo(ranked[1].Match) == 0)
        {
            return null;
        }

        var (winner, index) = ranked[0];
        return Found(choices[index], index, winner.Score, winner.Synonym);
    }

    private static FoundChoice? FindByOrdinal(string utterance, IList<Choice> choices, string? locale)
    {
        var culture = PromptCulture.RecognizerCulture(locale);
        foreach (var result in NumberRecognizer.RecognizeOrdinal(utterance, culture))
        {
            var offset = ReadInt(result.Resolution, "offset") ?? ReadInt(result.Resolution, "value");
            var fromEnd = result.Resolution?.TryGetValue("relativeTo", out var relative) == true
                && string.Equals(relative?.ToString(), "end", StringComparison.OrdinalIgnoreCase);
            if (offset is not { } n)
            {
                continue;
            }

            var index = fromEnd ? choices.Count - 1 + n : n - 1;
            if (index >= 0 && index < choices.Count)
            {
                return Found(choices[index], index, 1f, null);
            }
        }

        return null;
    }

    private static FoundChoice? FindByNumber(string utterance, IList<Choice> choices, string? locale)
    {
        var results = NumberRecognizer.RecognizeNumber(utterance, PromptCulture.RecognizerCulture(locale));
        if (results.Count != 1 || ReadInt(results[0].Resolution, "value") is not { } number)
        {
            return null;
        }

        // Only a bare number selects ("2", "number two please"): "my son is 8" is not option 8.
        var rest = utterance.Remove(results[0].Start, results[0].End - results[0].Start + 1);
        if (Tokenizer.Tokenize(rest).Any(word => !FillerWords.Contains(word)))
        {
            return null;
        }

        var index = number - 1;
        return index >= 0 && index < choices.Count ? Found(choices[index], index, 1f, null) : null;
    }

    private static IEnumerable<string> Candidates(Choice choice)
    {
        yield return choice.Value;
        if (choice.Action?.Title is { Length: > 0 } title)
        {
            yield return title;
        }

        if (choice.Action?.Value is string { Length: > 0 } payload)
        {
            yield return payload;
        }

        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }

    private static Match? Score(IReadOnlyList<string> words, IReadOnlyList<string> tokens, string candidate)
    {
        var matched = tokens.Where(t => words.Any(w => Tokenizer.SameWord(w, t))).ToList();
        if (matched.Count == 0)
        {
            return null;
        }

        var full = matched.Count == tokens.Count;
        if (!full && matched.All(FillerWords.Contains))
        {
            return null;
        }

        return new Match(full, matched.Count, (float)matched.Count / tokens.Count, candidate);
    }

    private static int? ReadInt(IDictionary<string, object>? resolution, string key)
        => resolution is not null && resolution.TryGetValue(key, out var value)
            && decimal.TryParse(value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
                ? (int)number
                : null;

    private static FoundChoice Found(Choice choice, int index, float score, string? synonym)
        => new() { Value = choice.Value, Index = index, Score = score, Synonym = synonym };

    private readonly record struct Match(bool Full, int Matched, float Score, string Synonym) : IComparable<Match>
    {
        public int CompareTo(Match other)
        {
            var byFull = Full.CompareTo(other.Full);
            if (byFull != 0)
            {
                return byFull;
            }

            var byCount = Matched.CompareTo(other.Matched);
            return byCount != 0 ? byCount : Score.CompareTo(other.Score);
        }
    }
}
