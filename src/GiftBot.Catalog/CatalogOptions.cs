using Microsoft.Extensions.Options;

namespace GiftBot.Catalog;

/// <summary>Settings of the "Catalog" configuration section. Relative paths are resolved against the content root.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>The SQLite file holding the imported catalog; created (and seeded from <see cref="FeedPath"/>) when missing or empty.</summary>
    public string DatabasePath { get; set; } = "data/catalog.db";
    /// <summary>The bundled feed used to seed an empty catalog.</summary>
    public string FeedPath { get; set; } = "content/catalog/products.csv";
    /// <summary>The marketer's theme file (display names and synonyms); optional.</summary>
    public string ThemesPath { get; set; } = "content/catalog/themes.csv";
    /// <summary>The shop's single currency (ISO 4217); feed prices in another currency are rejected.</summary>
    public string Currency { get; set; } = "EUR";
    /// <summary>How much a budget is raised per relaxation step when nothing fits, in percent of the shopper's budget.</summary>
    public int BudgetRelaxStepPercent { get; set; } = 25;
    /// <summary>How many budget steps may be tried. 0 (the default) never shows a product over the shopper's budget:
    /// a stated budget is a hard limit, and when nothing fits the bot says so instead.</summary>
    public int MaxBudgetRelaxSteps { get; set; }
    /// <summary>How often a running bot checks whether another process imported a new catalog or the theme file changed.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Makes relative paths absolute against <paramref name="contentRoot"/>.</summary>
    public void ResolvePaths(string contentRoot)
    {
        DatabasePath = Path.GetFullPath(DatabasePath, contentRoot);
        FeedPath = Path.GetFullPath(FeedPath, contentRoot);
        ThemesPath = Path.GetFullPath(ThemesPath, contentRoot);
    }
}

/// <summary>Start-up validation: every failure names the configuration key to fix.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = new List<string>();
        var key = CatalogOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
            failures.Add($"{key}{nameof(options.DatabasePath)} must name the SQLite file for the catalog.");
        if (string.IsNullOrWhiteSpace(options.FeedPath))
            failures.Add($"{key}{nameof(options.FeedPath)} must name the product feed used to seed the catalog.");
        if (options.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
            failures.Add($"{key}{nameof(options.Currency)} must be a three-letter ISO 4217 code in capitals, like EUR.");
        if (options.BudgetRelaxStepPercent is < 1 or > 100)
            failures.Add($"{key}{nameof(options.BudgetRelaxStepPercent)} must be from 1 to 100.");
        if (options.MaxBudgetRelaxSteps is < 0 or > 5)
            failures.Add($"{key}{nameof(options.MaxBudgetRelaxSteps)} must be from 0 to 5.");
        if (options.RefreshInterval < TimeSpan.Zero)
            failures.Add($"{key}{nameof(options.RefreshInterval)} must not be negative.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
