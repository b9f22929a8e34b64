using GiftBot.Content.EntryPoints;

namespace GiftBot.Conversations.Sharing;

/// <summary>
/// "Share with a friend" as an m.me link (Messenger's own share button, element_share, is deprecated, so
/// a link is what works on Messenger and elsewhere). It needs the Page's user name: without one the carousel does not
/// offer sharing at all rather than offer a button that can only apologise. A kernel, because the gift finder offers it
/// and the entry points answer it.
/// </summary>
public sealed class ShareLinks(string? pageName)
{
    public bool Available => !string.IsNullOrWhiteSpace(pageName);

    public string PageName => Available ? pageName! : throw new InvalidOperationException("No Page name: sharing is not available.");

    public string LinkFor(string token) => $"https://m.me/{PageName}?ref={ShareRef.Create(token)}";
}
