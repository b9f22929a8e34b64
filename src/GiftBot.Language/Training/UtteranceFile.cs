using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GiftBot.Language.Analysis;
using GiftBot.Language.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Training;

/// <summary>
/// content/language/utterances.json: per intent, example utterances with inline entity annotations
/// ("gift for my {recipient:nephew} who loves {interest:space}"). Mistakes are reported with the intent and line text.
/// </summary>
public sealed partial class UtteranceFile
{
    public required int Version { get; init; }
    public required IReadOnlyList<AnnotatedUtterance> Utterances { get; init; }
    /// <summary>SHA-256 of the file's bytes, part of the model cache key.</summary>
    public required string ContentHash { get; init; }

    public static readonly IReadOnlySet<string> KnownIntents = typeof(GiftIntents)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

    private static readonly IReadOnlySet<string> KnownEntities = typeof(GiftEntities)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();

    /// <summary>Reads the file at <paramref name="path"/>, or the copy embedded at build time when no path is given.</summary>
    public static UtteranceFile Load(string? path = null) => Parse(Lexicon.ReadContent(path, "utterances.json"));

    public static UtteranceFile Parse(string json)
    {
        JObject root;
        try { root = JObject.Parse(json); }
        catch (JsonReaderException e) { throw new InvalidDataException($"The utterance file is not valid JSON: {e.Message}", e); }
        if (root["intents"] is not JObject intents) throw new InvalidDataException("The utterance file needs an \"intents\" object.");
        var utterances = new List<AnnotatedUtterance>();
        foreach (var (intent, list) in intents)
        {
            if (!KnownIntents.Contains(intent)) throw new InvalidDataException($"Unknown intent \"{intent}\" in the utterance file; known: {string.Join(", ", KnownIntents)}.");
            if (list is not JArray array) throw new InvalidDataException($"Intent \"{intent}\" must list utterances in an array.");
            utterances.AddRange(array.Select(item => ParseLine(intent, item.Value<string>() ?? "")));
        }
        return new UtteranceFile
        {
            Version = root.Value<int?>("version") ?? 0,
            Utterances = utterances,
            ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
        };
    }

    /// <summary>Every word of the utterances, lower-cased, as spelled in the file.</summary>
    public IReadOnlySet<string> AllWords() =>
        Utterances.SelectMany(u => Tokenizer.Tokenize(u.Text)).Where(t => t.IsWord).Select(t => t.Lower).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words written outside annotations: correctly spelled everyday words that typo correction must leave alone.</summary>
    public IReadOnlySet<string> PlainWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in Utterances)
        {
            var text = u.Annotations.Aggregate(u.Text, (t, a) => t.Remove(a.Start, a.Text.Length).Insert(a.Start, new string(' ', a.Text.Length)));
            foreach (var token in Tokenizer.Tokenize(text).Where(t => t.IsWord)) { words.Add(token.Lower); words.Add(WordForms.Stem(token.Lower)); }
        }
        return words;
    }

    private static AnnotatedUtterance ParseLine(string intent, string line)
    {
        if (string.IsNullOrWhiteSpace(line)) throw new InvalidDataException($"Empty utterance under intent \"{intent}\".");
        var annotations = new List<Annotation>();
        var text = new StringBuilder();
        var last = 0;
        foreach (Match m in AnnotationPattern().Matches(line))
        {
            var type = m.Groups["type"].Value;
            if (!KnownEntities.Contains(type)) throw new InvalidDataException($"Unknown entity \"{type}\" in \"{line}\" ({intent}); known: {string.Join(", ", KnownEntities)}.");
            text.Append(line, last, m.Index - last);
            annotations.Add(new Annotation(type, m.Groups["text"].Value, text.Length));
            text.Append(m.Groups["text"].Value);
            last = m.Index + m.Length;
        }
        text.Append(line, last, line.Length - last);
        var plain = text.ToString();
        if (plain.Contains('{') || plain.Contains('}')) throw new InvalidDataException($"Malformed annotation in \"{line}\" ({intent}); write {{entity:text}}.");
        return new AnnotatedUtterance(intent, plain, annotations);
    }

    [GeneratedRegex(@"\{(?<type>[A-Za-z]+):(?<text>[^{}]+)\}")]
    private static partial Regex AnnotationPattern();
}
