using GiftBot.Language.Analysis;
using GiftBot.Language.Clu;
using GiftBot.Language.Embedded;
using GiftBot.Meaning;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRecognizer"/> (embedded, or CLU with embedded fallback, per "Language:Recognizer") and
    /// <see cref="ISlotParser"/>. The host must register <see cref="IInterestVocabulary"/> and <see cref="IFaqVocabulary"/>.
    /// </summary>
    public static IServiceCollection AddLanguageUnderstanding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LanguageOptions>, LanguageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMeaning(); // the sentence model for interests and FAQ by meaning
        services.AddSingleton<LanguageModelProvider>();
        services.AddSingleton<EmbeddedRecognizer>();
        services.AddHostedService<LanguageModelWarmup>();
        services.AddSingleton<ISlotParser>(sp => new SlotParser(Lexicon.Load(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.LexiconPath)));
        services.AddHttpClient(CluRecognizer.HttpClientName);
        services.AddSingleton<CluRecognizer>();
        services.AddSingleton<IRecognizer>(sp => sp.GetRequiredService<IOptions<LanguageOptions>>().Value.UsesClu
            ? sp.GetRequiredService<CluRecognizer>()
            : sp.GetRequiredService<EmbeddedRecognizer>());
        return services;
    }
}
