using GiftBot.Content;
using GiftBot.Conversations.Events;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Sharing;
using GiftBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.EntryPoints;

public static class EntryPointsServiceCollectionExtensions
{
    /// <summary>
    /// Entry presets (m.me refs, ads, PRESET taps), share links and the entry stage of a turn. Binds "EntryPoints" (PageName
    /// falls back to Facebook:PageName) and reads content/entry-points.json from Content:RootPath.
    /// </summary>
    public static IServiceCollection AddEntryPoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EntryPointsOptions>()
            .Bind(configuration.GetSection(EntryPointsOptions.SectionName))
            .PostConfigure(o => o.PageName = string.IsNullOrWhiteSpace(o.PageName) ? configuration["Facebook:PageName"] : o.PageName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntryPointsOptions>, EntryPointsOptionsValidator>());
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName));

        services.TryAddSingleton<IStatePropertyAccessor<EntryState>>(sp =>
            sp.GetRequiredService<ConversationState>().CreateTrackedProperty<EntryState>(nameof(EntryState)));
        services.TryAddSingleton<EntryPresets>();
        services.TryAddSingleton<ShareTokens>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataHolder, ShareTokens>(sp => sp.GetRequiredService<ShareTokens>()));
        services.TryAddSingleton(sp => new ShareLinks(sp.GetRequiredService<IOptions<EntryPointsOptions>>().Value.PageName));
        services.TryAddSingleton<AdContext>();
        services.TryAddSingleton<EntryFlows>();
        services.AddSingleton<IEventActivityRoute, ReferralRoute>();
        services.AddSingleton<IInterruptionHandler, ShareInterruption>();
        services.TryAddSingleton<EntryStage>();
        return services;
    }
}
