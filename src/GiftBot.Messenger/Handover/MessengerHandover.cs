using GiftBot.Messenger.Graph;
using GiftBot.Messenger.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Handover;

/// <summary>
/// Meta's Handover Protocol for this Page: pass_thread_control gives the thread to people (Facebook:HandoverTargetAppId,
/// the Page Inbox by default), take_thread_control takes it back. Each success is recorded in the handover state, so the
/// bot stays silent exactly while people own the thread.
/// </summary>
public sealed class MessengerHandover(GraphApiClient graph, MessengerCustomers customers, IOptionsMonitor<FacebookOptions> options, ILogger<MessengerHandover> logger)
{
    /// <summary>The Page inbox app: passing control to it hands the thread to people in Meta Business Suite.</summary>
    public const string PageInboxAppId = "263902037430900";

    /// <param name="targetAppId">Null or "inbox": the configured target.</param>
    /// <returns>The app that owns the thread now.</returns>
    public async Task<string> PassThreadControlAsync(string psid, string? targetAppId, string? metadata, CancellationToken cancellationToken)
    {
        var target = string.IsNullOrWhiteSpace(targetAppId) ? options.CurrentValue.HandoverTargetAppId
            : targetAppId == "inbox" ? PageInboxAppId : targetAppId;
        var body = Body(psid, metadata);
        body["target_app_id"] = target;
        await graph.PostAsync("me/pass_thread_control", body, cancellationToken);
        await customers.RecordOwnThreadControlAsync(psid, passed: true, target, cancellationToken);
        logger.LogInformation("Facebook thread passed to app {TargetAppId}", target);
        return target;
    }

    public async Task TakeThreadControlAsync(string psid, string? metadata, CancellationToken cancellationToken)
    {
        await graph.PostAsync("me/take_thread_control", Body(psid, metadata), cancellationToken);
        await customers.RecordOwnThreadControlAsync(psid, passed: false, null, cancellationToken);
        logger.LogInformation("Facebook thread taken back by the bot");
    }

    /// <summary>Asks the owner (the primary receiver) for the thread; ownership changes only when it passes it.</summary>
    public Task RequestThreadControlAsync(string psid, string? metadata, CancellationToken cancellationToken) =>
        graph.PostAsync("me/request_thread_control", Body(psid, metadata), cancellationToken);

    private static JObject Body(string psid, string? metadata)
    {
        var body = new JObject { ["recipient"] = new JObject { ["id"] = psid } };
        // Meta limits metadata to 1000 characters.
        if (!string.IsNullOrEmpty(metadata)) body["metadata"] = metadata.Length > 1000 ? metadata[..1000] : metadata;
        return body;
    }
}
