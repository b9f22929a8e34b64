using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GiftBot.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ContentOptions"/> to the "Content" section, checks the content when the host starts (failing
    /// with the file and key at fault) and registers IBotText, PersonaProfile, FaqCatalog, OpeningHours, PageInfo,
    /// HoursText and BotTokens as singletons.
    /// </summary>
    public static IServiceCollection AddBotContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            return BotContent.Load(BotContent.ResolveRoot(options.RootPath), options.DefaultLocale);
        });
        services.TryAddSingleton<IBotText>(sp => sp.GetRequiredService<BotContent>().Text);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotContent>().Persona);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotContent>().Faq);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotContent>().Hours);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotContent>().Page);
        services.TryAddSingleton(sp => sp.GetRequiredService<BotContent>().HoursText);
        services.TryAddSingleton<BotTokens>();
        return services;
    }
}

/// <summary>Start-up check: the content loads and the persona, Page, FAQ and hours files have no errors.</summary>
internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootPath)) return ValidateOptionsResult.Fail("Content:RootPath is required.");
        try
        {
            var content = BotContent.Load(BotContent.ResolveRoot(options.RootPath), options.DefaultLocale);
            var errors = ContentChecker.CheckLoaded(content).Where(f => f.Severity == FindingSeverity.Error).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => $"Content error: {e}"));
        }
        catch (ContentLoadException ex)
        {
            return ValidateOptionsResult.Fail($"Content error: {ex.Message}");
        }
    }
}
