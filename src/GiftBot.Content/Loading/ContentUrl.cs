namespace GiftBot.Content;

/// <summary>URL rules for content: Messenger only opens absolute http(s) links, and images must be https.</summary>
public static class ContentUrl
{
    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Contains('.') && !value!.Contains(' ');

    public static bool IsHttpsUrl(string? value) => IsWebUrl(value) && value!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
