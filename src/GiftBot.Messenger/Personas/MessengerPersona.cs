using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Messenger.Personas;

/// <summary>
/// The persona_id to put on outgoing messages: Facebook:PersonaId when configured, otherwise the one the persona command
/// stored. Null (no persona) is fine: messages then show the Page's own name and picture. A store failure never stops a send.
/// </summary>
public sealed class MessengerPersona(PersonaStore store, IMemoryCache cache, IOptionsMonitor<FacebookOptions> options, ILogger<MessengerPersona> logger)
{
    // Re-read now and then so a persona created by the command while the bot runs is picked up without a restart.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public async Task<string?> GetIdAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!string.IsNullOrWhiteSpace(settings.PersonaId)) return settings.PersonaId;
        var pageId = settings.PageId ?? "";
        var key = $"messenger-persona:{pageId}";
        if (cache.TryGetValue(key, out string? cached)) return cached;
        string? id = null;
        try { id = (await store.GetAsync(pageId, cancellationToken))?.Id; }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Stored Messenger persona could not be read; sending without persona_id");
        }
        cache.Set(key, id, CacheFor);
        return id;
    }
}
