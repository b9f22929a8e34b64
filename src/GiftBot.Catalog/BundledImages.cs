using System.Text.RegularExpressions;

namespace GiftBot.Catalog;

/// <summary>
/// Pictures shipped beside the feed (content/catalog/images) for shops without an image host, like the demo catalog. A
/// feed names one as "images/space.png"; the bot serves the folder at <see cref="RoutePrefix"/> and puts the absolute
/// URL on its cards, because channels (Messenger above all) only fetch absolute https/http links.
/// </summary>
public static partial class BundledImages
{
    public const string Folder = "images";
    public const string RoutePrefix = "/catalog/images";

    [GeneratedRegex(@"^images/[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(png|jpg|jpeg|gif)$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    /// <summary>True for "images/&lt;name&gt;.png|jpg|gif": one file in the folder, never a way out of it.</summary>
    public static bool IsPath(string imageLink) => PathPattern().IsMatch(imageLink) && !imageLink.Contains("..", StringComparison.Ordinal);

    /// <summary>The image's URL under <paramref name="publicBaseUrl"/> (the bot's public address).</summary>
    public static string UrlFor(string imageLink, string publicBaseUrl) =>
        publicBaseUrl.TrimEnd('/') + RoutePrefix + "/" + Uri.EscapeDataString(imageLink[(Folder.Length + 1)..]);

    /// <summary>The folder holding the pictures: images/ beside the feed the catalog is seeded from.</summary>
    public static string FolderBeside(string feedPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(feedPath)) ?? ".", Folder);
}
