using GiftBot.Language;

namespace GiftBot.Vocabulary;

public static class VocabularyServiceCollectionExtensions
{
    /// <summary>
    /// Feeds the recognizer the catalog's interest themes, loaded at start-up and refreshed in the background. (The FAQ
    /// vocabulary comes with the conversations: FaqVocabulary, entries that have an answer.)
    /// </summary>
    public static IServiceCollection AddShopVocabulary(this IServiceCollection services)
    {
        services.AddSingleton<CatalogInterestVocabulary>();
        services.AddSingleton<IInterestVocabulary>(sp => sp.GetRequiredService<CatalogInterestVocabulary>());
        services.AddHostedService(sp => sp.GetRequiredService<CatalogInterestVocabulary>());
        return services;
    }
}
