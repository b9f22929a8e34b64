using System.Globalization;
using System.Text;

namespace GiftBot.Catalog.Themes;

/// <summary>How theme names are written and compared, so "Fairy Tales", "fairy-tales" and "fairy_tales" are one theme.</summary>
public static class ThemeNames
{
    /// <summary>The stored form: trimmed, lower case, single spaces.</summary>
    public static string Normalize(string raw) =>
        string.Join(' ', raw.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The comparison key: letters and digits only ("T-Rex", "t rex" and "trex" share a key).</summary>
    public static string Key(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>A display name for a theme the theme file does not describe: "board-games" becomes "Board games".</summary>
    public static string DeriveDisplayName(string name)
    {
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    /// <summary>Splits a feed's "space|science" cell into distinct normalized names.</summary>
    public static IReadOnlyList<string> SplitList(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : cell.Split('|').Select(Normalize).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
