using System.Collections;

namespace GiftBot.Content;

/// <summary>
/// The values for {{tokens}} in one reply: the Page's own (page name, website, phone, opening hours, persona name)
/// merged with the shopper's (first name, "back at" in their time zone). Immutable; pass it straight to
/// <see cref="IBotText.Get"/>. A token without a value is simply absent, so the text degrades gracefully.
/// </summary>
public sealed class TokenContext : IReadOnlyDictionary<string, string?>
{
    private readonly Dictionary<string, string?> _values;

    private TokenContext(Dictionary<string, string?> values) => _values = values;

    public static TokenContext Empty { get; } = new(new(StringComparer.Ordinal));

    /// <summary>A copy with <paramref name="name"/> set; a null or blank value removes the token instead.</summary>
    public TokenContext With(string name, string? value)
    {
        var values = new Dictionary<string, string?>(_values, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value)) values.Remove(name);
        else values[name] = value.Trim();
        return new TokenContext(values);
    }

    /// <summary>A copy with every value of <paramref name="other"/> added; <paramref name="other"/> wins on conflicts.</summary>
    public TokenContext Merge(IReadOnlyDictionary<string, string?> other) =>
        other.Aggregate(this, (context, pair) => context.With(pair.Key, pair.Value));

    public TokenContext WithFirstName(string? firstName) => With(TokenNames.FirstName, firstName);

    public string? this[string key] => _values[key];
    public IEnumerable<string> Keys => _values.Keys;
    public IEnumerable<string?> Values => _values.Values;
    public int Count => _values.Count;
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out string? value) => _values.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
