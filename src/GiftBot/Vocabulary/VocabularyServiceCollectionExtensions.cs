using GiftBot.Language;

namespace GiftBot.Vocabulary;

public static class VocabularyServiceCollectionExtensions
{
    /// <summary>Feeds the recognizer the shop's own words: interest themes from the catalog, questions from the FAQ content.</summary>
    public static IServiceCollection AddShopVocabulary(this IServiceCollection services)
    {
        services.AddSingleton<IInterestVocabulary, CatalogInterestVocabulary>();
        services.AddSingleton<IFaqVocabulary, FaqContentVocabulary>();
        return services;
    }
}
