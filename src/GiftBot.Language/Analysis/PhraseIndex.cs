using GiftBot.Language.Text;

namespace GiftBot.Language.Analysis;

/// <summary>
/// Every known phrase (relationship words, occasions, interest themes and their synonyms, age words) by lookup key.
/// Matching takes the longest phrase at each position, so "baby shower" wins over "baby" and "mother's day" over "mother";
/// a single word that matches nothing may match a vocabulary word with a typo or two.
/// </summary>
public sealed class PhraseIndex
{
    private const int MaxPhraseWords = 5;
    private readonly Dictionary<string, List<PhraseEntry>> _byKey = new(StringComparer.Ordinal);
    // Typos a glued phrase key tolerates: those of its longest word ("mom day" none, "mothers day" one).
    private readonly Dictionary<string, int> _phraseTypos = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _knownWords;
    private List<(string Key, List<PhraseEntry> Entries)>? _fuzzyCandidates;

    public PhraseIndex(IReadOnlySet<string> knownWords) => _knownWords = knownWords;

    public void Add(string phrase, PhraseEntry entry)
    {
        var key = WordForms.Key(phrase);
        if (key.Length == 0) return;
        if (!_byKey.TryGetValue(key, out var entries)) _byKey[key] = entries = [];
        if (!entries.Contains(entry)) entries.Add(entry);
        var words = Tokenizer.Tokenize(phrase).Where(t => t.IsWord && !t.IsJoiner).ToList();
        if (words.Count > 1)
        {
            var typos = EditDistance.AllowedTypos(words.Max(w => w.Lower.Length));
            _phraseTypos[key] = _phraseTypos.TryGetValue(key, out var known) ? Math.Max(known, typos) : typos;
        }
        _fuzzyCandidates = null;
    }

    public IReadOnlyList<PhraseMatch> Match(IReadOnlyList<Token> tokens)
    {
        var matches = new List<PhraseMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsContent(tokens[i])) continue;
            var match = Longest(tokens, i) ?? Doubled(tokens, i) ?? Undoubled(tokens, i) ?? Fuzzy(tokens, i);
            if (match is null) continue;
            // "K-pop" is not "pop" (a father), nor "Spider-Man" a man: a person word glued by a hyphen to another word is part of
            // that word, unless the word before says which relative ("half-brother", "step-mum", "great-grandma").
            if (InsideCompound(tokens, i) && match.Entries.Any(e => e.Kind == PhraseKind.Recipient)) continue;
            matches.Add(match);
            i = match.Last;
        }
        return matches;
    }

    private PhraseMatch? Longest(IReadOnlyList<Token> tokens, int start)
    {
        var key = "";
        var words = 0;
        PhraseMatch? best = null;
        for (var j = start; j < tokens.Count && words < MaxPhraseWords; j++)
        {
            var token = tokens[j];
            if (token.IsJoiner) continue;
            if (!IsContent(token)) break;
            key += WordForms.Stem(token.Lower);
            words++;
            if (_byKey.TryGetValue(key, out var entries)) best = new PhraseMatch(start, j, entries, Corrected: false);
        }
        return best;
    }

    /// <summary>"Nancy 5", "Nancy (5)", "Nancy is 5": a capitalised word with an age after it is a name, not a typo ("nan").</summary>
    private static bool IsNamedWithAge(IReadOnlyList<Token> tokens, int i)
    {
        var text = tokens[i].Text;
        if (text.Length < 2 || !char.IsUpper(text[0]) || !text.Skip(1).All(char.IsLower)) return false;
        var next = i + 1;
        if (next < tokens.Count && tokens[next].Lower is "(" or "is" or "," or "-") next++;
        return next < tokens.Count && tokens[next].Kind == Text.TokenKind.Number;
    }

    /// <summary>
    /// "nothing leggo", "no puzzzles": one key held down too long. Dropping one letter of a doubled pair gives a single
    /// word of four letters or more the vocabulary has, which short words, too short for typos, also reach.
    /// </summary>
    private PhraseMatch? Doubled(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord || token.Lower.Length < 5 || _knownWords.Contains(token.Lower) || IsNamedWithAge(tokens, i)) return null;
        List<PhraseEntry>? found = null;
        for (var p = 1; p < token.Lower.Length; p++)
        {
            if (token.Lower[p] != token.Lower[p - 1] || !char.IsLetter(token.Lower[p])) continue;
            var key = WordForms.Stem(token.Lower.Remove(p, 1));
            if (key.Length < 4 || !_byKey.TryGetValue(key, out var entries)) continue;
            if (found is not null && !SameMeaning(found, entries)) return null;
            found = entries;
        }
        return found is null ? null : new PhraseMatch(i, i, found, Corrected: true);
    }

    /// <summary>
    /// "no boks", "no dols": one key of a doubled pair not pressed. A four-letter word, too short for typos, is read as the
    /// five-letter vocabulary word that doubling one of its letters gives.
    /// </summary>
    private PhraseMatch? Undoubled(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord || token.Lower.Length != 4 || _knownWords.Contains(token.Lower) || IsNamedWithAge(tokens, i)) return null;
        List<PhraseEntry>? found = null;
        for (var p = 0; p < token.Lower.Length; p++)
        {
            if (!char.IsLetter(token.Lower[p])) return null;
            var key = WordForms.Stem(token.Lower.Insert(p, token.Lower[p].ToString()));
            if (key.Length < 4 || !_byKey.TryGetValue(key, out var entries)) continue;
            if (found is not null && !SameMeaning(found, entries)) return null;
            found = entries;
        }
        return found is null ? null : new PhraseMatch(i, i, found, Corrected: true);
    }

    private PhraseMatch? Fuzzy(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (!token.IsWord) return null;
        var stem = WordForms.Stem(token.Lower);
        var allowed = EditDistance.AllowedTypos(token.Lower.Length);
        if (allowed == 0 || _knownWords.Contains(token.Lower) || _knownWords.Contains(stem) || IsNamedWithAge(tokens, i)) return null;

        List<PhraseEntry>? best = null;
        var bestDistance = allowed + 1;
        var ambiguous = false;
        foreach (var (key, entries) in FuzzyCandidates())
        {
            // Typos rarely hit the first letter; requiring it keeps "other" from becoming "mother".
            if (key[0] != stem[0] || IsDerivedWord(stem, key)) continue;
            // A typo lands in one of the phrase's words, and words under five letters are never corrected: "monday" is
            // one edit from "mom day" and "daddy" from "dad day", yet neither is a typo of Mother's or Father's Day.
            var keyAllowed = _phraseTypos.TryGetValue(key, out var phraseTypos) ? Math.Min(allowed, phraseTypos) : allowed;
            if (keyAllowed == 0) continue;
            var distance = EditDistance.Bounded(stem, key, keyAllowed);
            if (distance > keyAllowed) continue;
            if (distance < bestDistance) { best = entries; bestDistance = distance; ambiguous = false; }
            else if (distance == bestDistance && best is not null && !SameMeaning(best, entries)) ambiguous = true;
        }
        return best is null || ambiguous ? null : new PhraseMatch(i, i, best, Corrected: true);
    }

    private List<(string Key, List<PhraseEntry> Entries)> FuzzyCandidates() =>
        _fuzzyCandidates ??= _byKey.Where(p => p.Key.Length >= 5).Select(p => (p.Key, p.Value)).ToList();

    // "friendly" is not a typo of "friend", nor "painter" of "paint": a longer word that starts with the key is a different word.
    private static bool IsDerivedWord(string stem, string key) =>
        Math.Abs(stem.Length - key.Length) >= 2 && (stem.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(stem, StringComparison.Ordinal));

    private static bool SameMeaning(List<PhraseEntry> a, List<PhraseEntry> b) => a.Count == b.Count && a.All(b.Contains);

    private static readonly HashSet<string> RelativePrefixes = ["half", "step", "great", "ex", "god", "grand", "big", "little", "baby", "twin", "best", "foster", "in"];

    private static bool InsideCompound(IReadOnlyList<Token> tokens, int i) =>
        i >= 2 && tokens[i - 1].Lower == "-" && tokens[i - 2] is { IsWord: true } prefix && !RelativePrefixes.Contains(prefix.Lower) && tokens[i - 1].Start == tokens[i - 2].End && tokens[i].Start == tokens[i - 1].End;

    private static bool IsContent(Token token) => token.Kind is TokenKind.Word or TokenKind.Number && !token.IsJoiner;
}
