using System.Collections;

namespace GiftBot.Content;

/// <summary>
/// The values for {{tokens}} in one reply: the Page's own (page name, website, phone, opening hours, persona name)
/// merged with the shopper's (first name, "back at" in their time zone). Immutable; pass it straight to
/// <see cref="IBotText.Get"/>. A token without a value is simply absent, so the text degrades gracefully.
/// </summary>
public sealed class TokenContext : IReadOnlyDictionary<string, string?>
{
    // Each value is worked out when first read: most lines use no {{opening_hours}} or {{back_at}}, and rendering the
    // week or the next opening for every line was most of the cost of a reply.
    private readonly Dictionary<string, Lazy<string?>> _values;

    private TokenContext(Dictionary<string, Lazy<string?>> values) => _values = values;

    public static TokenContext Empty { get; } = new(new(StringComparer.Ordinal));

    /// <summary>A copy with <paramref name="name"/> set; a null or blank value removes the token instead.</summary>
    public TokenContext With(string name, string? value)
    {
        var values = new Dictionary<string, Lazy<string?>>(_values, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value)) values.Remove(name);
        else values[name] = new Lazy<string?>(value.Trim());
        return new TokenContext(values);
    }

    /// <summary>A copy with <paramref name="name"/> worked out by <paramref name="value"/> the first time it is read (once); null or blank means absent.</summary>
    public TokenContext WithDeferred(string name, Func<string?> value)
    {
        var values = new Dictionary<string, Lazy<string?>>(_values, StringComparer.Ordinal)
        {
            [name] = new Lazy<string?>(() => value() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null),
        };
        return new TokenContext(values);
    }

    /// <summary>A copy with each of <paramref name="values"/> set in turn, as <see cref="With"/> and <see cref="WithDeferred"/> would, in one copy.</summary>
    public TokenContext WithAll(IReadOnlyList<TokenValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = new Dictionary<string, Lazy<string?>>(_values, StringComparer.Ordinal);
        foreach (var token in values)
        {
            if (token.Later is { } deferred)
            {
                copy[token.Name] = new Lazy<string?>(() => deferred() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null);
            }
            else if (string.IsNullOrWhiteSpace(token.Value))
            {
                copy.Remove(token.Name);
            }
            else
            {
                copy[token.Name] = new Lazy<string?>(token.Value.Trim());
            }
        }

        return new TokenContext(copy);
    }

    /// <summary>A copy with every value of <paramref name="other"/> added; <paramref name="other"/> wins on conflicts.</summary>
    /// <remarks>One copy for all of them (a copy per value, as <see cref="With"/> makes, was one dictionary per token per line).</remarks>
    public TokenContext Merge(IReadOnlyDictionary<string, string?> other)
    {
        Dictionary<string, Lazy<string?>>? values = null;
        foreach (var (name, value) in other)
        {
            values ??= new Dictionary<string, Lazy<string?>>(_values, StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(value)) values.Remove(name);
            else values[name] = new Lazy<string?>(value.Trim());
        }
        return values is null ? this : new TokenContext(values);
    }

    public TokenContext WithFirstName(string? firstName) => With(TokenNames.FirstName, firstName);

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value for token '{key}'.");
    public IEnumerable<string> Keys => Present().Select(pair => pair.Key);
    public IEnumerable<string?> Values => Present().Select(pair => pair.Value);
    public int Count => Present().Count();
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out string? value)
    {
        value = _values.TryGetValue(key, out var lazy) ? lazy.Value : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Present().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<KeyValuePair<string, string?>> Present() =>
        _values.Where(pair => pair.Value.Value is not null).Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value.Value));
}

/// <summary>A token for <see cref="TokenContext.WithAll"/>: a value (null or blank: absent), or one worked out when first read.</summary>
public readonly record struct TokenValue(string Name, string? Value, Func<string?>? Later)
{
    public static TokenValue Of(string name, string? value) => new(name, value, null);

    public static TokenValue Deferred(string name, Func<string?> value) => new(name, null, value);
}
