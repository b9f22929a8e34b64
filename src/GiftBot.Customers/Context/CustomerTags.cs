using System.Text;

namespace GiftBot.Customers.Context;

/// <summary>
/// Tags are short labels agents and rules share ("needs agent", "order problem"). They are compared after
/// normalising: trimmed, inner whitespace collapsed to one space, lower-case, so "Needs  Agent" and "needs agent" are one tag.
/// </summary>
public static class CustomerTags
{
    public const int MaxLength = 50;

    /// <summary>The normalised tag, or null when the value cannot be a tag (empty, too long, control characters).</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var ch in value.Trim())
        {
            if (char.IsControl(ch))
            {
                return null;
            }

            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.Length is > 0 and <= MaxLength ? builder.ToString() : null;
    }

    /// <summary>Normalises every value; returns the first one that is not a valid tag through <paramref name="invalid"/>.</summary>
    public static bool TryNormalizeAll(IEnumerable<string?> values, out List<string> tags, out string? invalid)
    {
        tags = [];
        invalid = null;
        foreach (var value in values)
        {
            var tag = Normalize(value);
            if (tag is null)
            {
                invalid = value ?? "";
                return false;
            }

            tags.Add(tag);
        }

        tags = tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return true;
    }
}
