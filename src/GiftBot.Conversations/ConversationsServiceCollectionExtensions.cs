using GiftBot.Content;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.Bots;
using GiftBot.Conversations.Checkout;
using GiftBot.Conversations.EntryPoints;
using GiftBot.Conversations.ClickTracking;
using GiftBot.Conversations.Funnel;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Recommendations;
using GiftBot.Conversations.ReturningShoppers;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the bot (IBot: the welcome-and-dialog bot over <see cref="MainDialog"/>), its dialogs, the basket,
    /// checkout and click tracking, and binds and validates the "GiftFinder", "Checkout" and "ClickTracking" sections.
    /// Expects from other capabilities: IStorage, IProductCatalog, IRecognizer, ISlotParser, IBotText, IFunnelEventStore
    /// (and BotTokens from the content, when registered).
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
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton<BotAccessors>();
        services.TryAddSingleton<VariedLines>();
        services.TryAddSingleton(sp => new BotVoice(sp.GetRequiredService<IBotText>(), sp.GetService<BotTokens>()));
        services.TryAddSingleton<TurnUnderstanding>();
        services.TryAddSingleton<FunnelRecorder>();

        services.TryAddSingleton<CheckoutLinkBuilder>();
        services.TryAddSingleton<ClickTokens>();
        services.TryAddSingleton<TrackedLinks>();
        services.TryAddSingleton<ClickRedirects>();

        services.TryAddSingleton<SearchWords>();
        services.TryAddSingleton<SlotReader>();
        services.TryAddSingleton<SlotMerger>();
        services.TryAddSingleton<AnswerRecorder>();
        services.TryAddSingleton<SearchStarter>();
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

        // Interruptions are tried in this order; features added later (FAQ answers, real handover) replace or precede these.
        services.AddSingleton<IInterruptionHandler, BasketInterruption>();
        services.AddSingleton<IInterruptionHandler, HandoverInterruption>();
        services.AddSingleton<IInterruptionHandler, FaqInterruption>();

        services.AddEntryPoints(configuration);          // links, ads, share: registers the entry-aware IBot

        services.TryAddSingleton<GiftFinderDialog>();
        services.TryAddSingleton<ReturningShopperDialog>();
        services.TryAddSingleton<MainDialog>();
        services.TryAddTransient<IBot, DialogAndWelcomeBot<MainDialog>>();
        return services;
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
