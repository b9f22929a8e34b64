using Microsoft.Bot.Connector;
using GiftBot.Bot;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Customers.Context;
using GiftBot.Messenger.Adapter;
using GiftBot.Messenger.Handover;
using GiftBot.Messenger.Users;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace GiftBot.ChannelBridges;

/// <summary>
/// The persona assistant asks channel-neutral questions (who is this, pass to a human, send later); the host answers them
/// per channel: Messenger through the Graph API, every other channel through Bot Framework defaults. Conversations never
/// reference Messenger, so these bridges live here where both are known.
/// </summary>
public static class AssistantChannelBridges
{

    public static IServiceCollection AddAssistantChannelBridges(this IServiceCollection services)
    {
        services.AddSingleton<ActivityUserProfileProvider>();
        services.AddSingleton<IUserProfileProvider, ChannelUserProfileProvider>();
        services.AddSingleton<IHumanHandoff, ChannelHumanHandoff>();
        services.AddSingleton<IProactiveSender, ChannelProactiveSender>();
        return services;
    }
}

/// <summary>Messenger: the Graph User Profile API (cached, degrades to unknown); elsewhere: what the activity says.</summary>
public sealed class ChannelUserProfileProvider(MessengerUserProfiles messenger, ActivityUserProfileProvider fallback) : IUserProfileProvider
{
    public async Task<UserProfile> GetProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId != Channels.Facebook || turnContext.Activity.From?.Id is not { } psid)
            return await fallback.GetProfileAsync(turnContext, cancellationToken);
        var profile = await messenger.GetAsync(psid, cancellationToken);
        return new UserProfile(profile.FirstName, profile.Locale, profile.TimeZone);
    }
}

/// <summary>Messenger: pass_thread_control to the configured app (the Page Inbox by default); elsewhere: wait for an agent.</summary>
public sealed class ChannelHumanHandoff(MessengerHandover messenger) : IHumanHandoff
{
    public async Task<HandoffResult> PassToHumanAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId != Channels.Facebook || turnContext.Activity.From?.Id is not { } psid)
            return HandoffResult.WaitingForAgent;
        var ownerAppId = await messenger.PassThreadControlAsync(psid, targetAppId: null, metadata: null, cancellationToken);
        return new HandoffResult(HandoverStatus.HumanOwns, ownerAppId);
    }
}

/// <summary>
/// Sends outside a turn through the adapter that owns the channel (its outbound guard applies on Messenger). The adapters
/// are resolved on first send, not at construction: the follow-up worker that uses this starts before settings are validated.
/// </summary>
public sealed class ChannelProactiveSender(IServiceProvider services, IOptions<BotCredentialsOptions> credentials) : IProactiveSender
{
    public Task SendAsync(ConversationReference conversation, IActivity activity, CancellationToken cancellationToken)
    {
        BotCallbackHandler send = async (turnContext, ct) => await turnContext.SendActivityAsync(activity, ct);
        return conversation.ChannelId == Channels.Facebook
            ? services.GetRequiredService<FacebookAdapter>().ContinueConversationAsync(string.Empty, conversation, send, cancellationToken)
            : services.GetRequiredService<AdapterWithErrorHandler>().ContinueConversationAsync(credentials.Value.MicrosoftAppId ?? string.Empty, conversation, send, cancellationToken);
    }
}
