using GiftBot.Content;
using GiftBot.Customers;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.Away;
using GiftBot.Conversations.Automations;
using GiftBot.Conversations.Events;
using GiftBot.Conversations.Faq;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Handover;
using GiftBot.Conversations.Pipeline;
using GiftBot.Conversations.ProductQuestions;
using GiftBot.Conversations.ShopHours;
using GiftBot.Language;
using GiftBot.Conversations.Checkout;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// The bot, composed once: IBot is the <see cref="TurnPipeline"/> whose stages <see cref="ShopperTurn"/> lists in
    /// order (profile, handover gate, follow-up opt-out, first contact, greeting, state, entry, welcome, dialog,
    /// follow-ups, tagging, commit), with its one <see cref="TurnErrorPolicy"/> (adapters use it as OnTurnError too).
    /// Registers the dialogs, basket, checkout, click tracking, entry points and the persona assistant (greeting,
    /// instant reply, FAQ, away hours, handover, follow-ups). Binds and validates "GiftFinder", "Checkout",
    /// "ClickTracking", "EntryPoints", "Greeting", "InstantReply", "Handover" and "FollowUp".
    /// Expects from other capabilities: IStorage, IProductCatalog, IRecognizer, ISlotParser, content (AddBotContent),
    /// IFunnelEventStore and IScheduledJobStore (AddStorage), and from the host an <see cref="IProactiveSender"/>.
    /// Registers defaults the host may replace: <see cref="IUserProfileProvider"/> (from the activity) and
    /// <see cref="IHumanHandoff"/> (waiting for an agent).
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GiftFinderOptions>().Bind(configuration.GetSection(GiftFinderOptions.SectionName)).ValidateOnStart();
        services.AddOptions<CheckoutOptions>().Bind(configuration.GetSection(CheckoutOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ClickTrackingOptions>().Bind(configuration.GetSection(ClickTrackingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GiftFinderOptions>, SelfValidation<GiftFinderOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutOptions>, SelfValidation<CheckoutOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClickTrackingOptions>, SelfValidation<ClickTrackingOptions>>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationState>(sp => new StoredConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton<UserState>(sp => new StoredUserState(sp.GetRequiredService<IStorage>()));
        // Every turn loads both states (ConversationStateStage): named to the unit of work, they come with its first read.
        services.AddSingleton<ITurnReadAhead>(sp => sp.GetRequiredService<ConversationState>() as ITurnReadAhead ?? NoReadAhead.Instance);
        services.AddSingleton<ITurnReadAhead>(sp => sp.GetRequiredService<UserState>() as ITurnReadAhead ?? NoReadAhead.Instance);
        services.TryAddSingleton<BotAccessors>();
        services.TryAddSingleton<VariedLines>();
        services.TryAddSingleton(sp => new BotVoice(sp.GetRequiredService<IBotText>(), sp.GetService<BotTokens>()));
        services.TryAddSingleton<TurnUnderstanding>();
        services.TryAddSingleton<FunnelRecorder>();

        services.TryAddSingleton<CheckoutLinkBuilder>();
        services.TryAddSingleton<ClickTokens>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataHolder, ClickTokens>(sp => sp.GetRequiredService<ClickTokens>()));
        services.TryAddSingleton<TrackedLinks>();
        services.TryAddSingleton<ClickRedirects>();

        services.TryAddSingleton<SearchWords>();
        services.TryAddSingleton<SlotReader>();
        services.TryAddSingleton<SlotMerger>();
        services.TryAddSingleton<AnswerRecorder>();
        services.TryAddSingleton<CorrectionAcknowledgement>();
        services.TryAddSingleton<SearchStarter>();
        services.TryAddSingleton<PeopleOneAtATime>();
        services.TryAddSingleton<GiftFinderPrompts>();
        services.TryAddSingleton<GiftFinderValidators>();
        services.TryAddSingleton<ProductCards>();
        services.TryAddSingleton<ProductImages>();
        services.TryAddSingleton<RecommendationPresenter>();
        services.TryAddSingleton<RecipientMemory>();
        services.TryAddSingleton<BasketStore>();
        services.TryAddSingleton<BasketViews>();
        services.TryAddSingleton<GiftFinderServices>();
        services.TryAddSingleton<MainDialogServices>();

        services.TryAddSingleton<GiftSearches>();
        services.TryAddSingleton<ShownProducts>();
        services.TryAddSingleton<ShownProductReference>();
        services.TryAddSingleton<CarouselAcknowledgement>();
        services.TryAddSingleton<EarlierCarousel>();
        services.TryAddSingleton<EmptyBasketQuestion>();

        // Interruptions are tried in this order (the share link's comes last, from AddEntryPoints).
        services.AddSingleton<IInterruptionHandler, UnknownButtonHandler>();   // first: an old button's payload is no one's words
        services.AddSingleton<IInterruptionHandler, LongMessageHandler>();     // a pasted email is no one's request: asked to say it shortly
        services.AddSingleton<IInterruptionHandler, BasketInterruption>();
        services.AddSingleton<IInterruptionHandler, TalkToHumanHandler>();
        services.AddSingleton<IInterruptionHandler, FrustrationHandler>();     // "you're useless": an apology and a person
        services.AddSingleton<IInterruptionHandler, SharedLinkHandler>();      // a link alone: the shop's product page or "can't open that"
        services.AddSingleton<IInterruptionHandler, PetGiftHandler>();         // "anything for a dog?": gifts are for people
        services.AddSingleton<IInterruptionHandler, ProductQuestionHandler>(); // before the FAQ: "how much is the telescope" names a product
        services.AddSingleton<IInterruptionHandler, ShopHoursHandler>();       // before the FAQ: a named day gets that day's hours, not the week's
        services.AddSingleton<IInterruptionHandler, FaqAnswerHandler>();

        services.AddCustomers(configuration);            // context cards, handover state, tagging (the same cards every channel keeps)
        services.AddEntryPoints(configuration);          // links, ads, share
        services.AddAssistant(configuration);            // greeting, instant reply, FAQ, away hours, handover, follow-ups

        services.TryAddSingleton<GiftFinderDialog>();
        services.TryAddSingleton<ReturningShopperDialog>();
        services.TryAddSingleton<MainDialog>();

        services.TryAddSingleton<TurnErrorPolicy>();
        services.TryAddSingleton<InvokeStage>();
        services.TryAddSingleton<ShopperTextStage>();
        services.TryAddSingleton<ConversationStateStage>();
        services.TryAddSingleton<WelcomeStage>();
        services.TryAddSingleton<DialogStage>();
        services.TryAddSingleton<CommitTurnStage>();
        services.TryAddSingleton<ProfileStage>();
        services.TryAddSingleton<PersonRequest>();
        services.TryAddSingleton<FaqReferenceHandover>();
        services.AddTransient<IBot>(ShopperTurn.Compose);
        return services;
    }

    private static void AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
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
        services.TryAddSingleton<PendingHandover>();
        services.TryAddSingleton<HandoverGate>();
        services.TryAddSingleton<FollowUpScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataHolder, FollowUpPersonalData>());
        services.TryAddSingleton<FollowUpLedger>();
        services.TryAddSingleton<FollowUpRunner>();
        services.TryAddSingleton<FollowUpOptOut>();
        services.TryAddSingleton<TurnTagging>();
        services.AddHostedService<FollowUpWorker>();
        foreach (var eventName in new[] { ThreadControlRoute.PassThreadControl, ThreadControlRoute.TakeThreadControl })
            services.AddSingleton<IEventActivityRoute>(sp => ActivatorUtilities.CreateInstance<ThreadControlRoute>(sp, eventName));
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

    /// <summary>Runs an options class's own Validate(), so a misconfiguration fails start-up with the key to fix.</summary>
    private sealed class SelfValidation<TOptions> : IValidateOptions<TOptions> where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var message = options switch
            {
                GiftFinderOptions o => o.Validate(),
                CheckoutOptions o => o.Validate(),
                ClickTrackingOptions o => o.Validate(),
                _ => null,
            };
            return message is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(message);
        }
    }
}
