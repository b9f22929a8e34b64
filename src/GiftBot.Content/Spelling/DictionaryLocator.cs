namespace GiftBot.Content;

/// <summary>
/// Finds a locale's Hunspell dictionary (en-US -> en_US.dic + en_US.aff) in an explicit folder, the folders in the
/// DICPATH environment variable (Hunspell's own convention), then the usual system folders (Debian: /usr/share/hunspell).
/// </summary>
public sealed class DictionaryLocator(IEnumerable<string> folders)
{
    public static readonly IReadOnlyList<string> SystemFolders =
        ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell", "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell", "/Library/Spelling"];

    public IReadOnlyList<string> Folders { get; } = folders.ToList();

    public static DictionaryLocator Default(string? explicitFolder = null)
    {
        var fromEnvironment = (Environment.GetEnvironmentVariable("DICPATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new DictionaryLocator((explicitFolder is null ? [] : new[] { explicitFolder }).Concat(fromEnvironment).Concat(SystemFolders));
    }

    public (string Dic, string Aff)? Find(string locale)
    {
        var name = LocaleFallback.Normalize(locale).Replace('-', '_');
        foreach (var folder in Folders)
        {
            var dic = Path.Combine(folder, name + ".dic");
            var aff = Path.Combine(folder, name + ".aff");
            if (File.Exists(dic) && File.Exists(aff)) return (dic, aff);
        }
        return null;
    }

    /// <summary>The Debian/Ubuntu package that ships a locale's dictionary (hunspell-en-us, hunspell-fr, hunspell-de-de ...).</summary>
    public static string DebianPackage(string locale)
    {
        var parts = LocaleFallback.Normalize(locale).ToLowerInvariant().Split('-');
        return parts[0] switch
        {
            "en" or "de" when parts.Length > 1 => $"hunspell-{parts[0]}-{parts[1]}",
            "de" => "hunspell-de-de",
            "en" => "hunspell-en-us",
            _ => $"hunspell-{parts[0]}",
        };
    }
}
