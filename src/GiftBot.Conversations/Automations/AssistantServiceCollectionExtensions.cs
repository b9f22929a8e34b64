using GiftBot.Conversations.Away;
using GiftBot.Conversations.Bots;
using GiftBot.Conversations.Events;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Main;
using GiftBot.Content;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.Automations;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>
    /// The persona assistant around the conversations: greeting by name in the shopper's language, instant reply, FAQ
    /// answers, away hours, human handover and follow-ups. Call after AddConversations: it replaces the IBot with
    /// <see cref="AssistantBot"/> and the placeholder FAQ and handover interruptions with the real ones. Binds and
    /// validates "Greeting", "InstantReply", "Handover" and "FollowUp". Needs from other capabilities: content
    /// (AddBotContent), customers (AddCustomers), IScheduledJobStore (AddStorage) and, from the host, an
    /// <see cref="IProactiveSender"/>; registers defaults the host may replace: <see cref="IUserProfileProvider"/>
    /// (from the activity), <see cref="IHumanHandoff"/> (waiting for an agent) and <see cref="IFaqVocabulary"/> (from faq.json).
    /// </summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(MainDialog)))
            throw new InvalidOperationException("AddAssistant wraps the conversations: call AddConversations first.");

        AddValidatedOptions<GreetingOptions>(services, configuration, GreetingOptions.SectionName, o => o.Validate());
        AddValidatedOptions<InstantReplyOptions>(services, configuration, InstantReplyOptions.SectionName, _ => null);
        AddValidatedOptions<HandoverOptions>(services, configuration, HandoverOptions.SectionName, o => o.Validate());
        AddValidatedOptions<FollowUpOptions>(services, configuration, FollowUpOptions.SectionName, o => o.Validate());
        services.PostConfigure<HandoverOptions>(o => o.AppId ??= configuration["Facebook:AppId"] is { Length: > 0 } id ? id : null);

        services.TryAddSingleton<IUserProfileProvider, ActivityUserProfileProvider>();
        services.TryAddSingleton<IHumanHandoff, WaitingForAgentHandoff>();
        services.TryAddSingleton<IFaqVocabulary, FaqVocabulary>();

        services.TryAddSingleton<AssistantAccessors>();
        services.TryAddSingleton(sp => new TurnTokens(sp.GetService<BotTokens>()));
        services.TryAddSingleton<ShopperProfiles>();
        services.TryAddSingleton<ProfileCard>();
        services.TryAddSingleton<InstantReply>();
        services.TryAddSingleton<FirstGreeting>();
        services.TryAddSingleton<AwayNotices>();
        services.TryAddSingleton<FirstContact>();
        services.TryAddSingleton<FaqAnswerBuilder>();
        services.TryAddSingleton<HumanHandover>();
        services.TryAddSingleton<HandoverGate>();
        services.TryAddSingleton<FollowUpScheduler>();
        services.TryAddSingleton<FollowUpLedger>();
        services.TryAddSingleton<FollowUpRunner>();
        services.TryAddSingleton<FollowUpOptOut>();
        services.TryAddSingleton<TurnTagging>();
        services.TryAddSingleton<AssistantTurnSteps>();
        services.AddHostedService<FollowUpWorker>();

        // Same place in the interruption order as the placeholders they replace.
        ReplaceInterruption<FaqInterruption, FaqAnswerHandler>(services);
        ReplaceInterruption<HandoverInterruption, TalkToHumanHandler>(services);
        foreach (var eventName in new[] { ThreadControlRoute.PassThreadControl, ThreadControlRoute.TakeThreadControl })
            services.AddSingleton<IEventActivityRoute>(sp => ActivatorUtilities.CreateInstance<ThreadControlRoute>(sp, eventName));

        services.TryAddTransient<DialogAndWelcomeBot<MainDialog>>();
        services.Replace(ServiceDescriptor.Transient<IBot, AssistantBot>());
        return services;
    }

    private static void ReplaceInterruption<TPlaceholder, THandler>(IServiceCollection services) where THandler : class, IInterruptionHandler
    {
        var replacement = ServiceDescriptor.Singleton<IInterruptionHandler, THandler>();
        var index = services.ToList().FindIndex(d => d.ServiceType == typeof(IInterruptionHandler) && d.ImplementationType == typeof(TPlaceholder));
        if (index >= 0) services[index] = replacement;
        else services.Add(replacement);
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, string?> validate)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DelegateValidation<TOptions>(validate)));
    }

    private sealed class DelegateValidation<TOptions>(Func<TOptions, string?> validate) : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) =>
            validate(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
    }
}
