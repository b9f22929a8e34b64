using GiftBot.Catalog.Feed;
using Microsoft.Data.Sqlite;

namespace GiftBot.Catalog.Import;

/// <summary>
/// <c>import &lt;feed.csv&gt; [--db path] [--currency EUR]</c>: loads a feed into the catalog database and prints
/// the imported count and every rejected line. Defaults come from the Catalog__DatabasePath and Catalog__Currency
/// environment variables (the host's settings), then from <see cref="CatalogOptions"/>.
/// </summary>
public static class CatalogImportCommand
{
    public const int Success = 0;
    public const int NothingImported = 1;
    public const int UsageError = 2;
    public const int Unreadable = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var feedPath, out var databasePath, out var currency, out var problem))
        {
            await output.WriteLineAsync(problem);
            await output.WriteLineAsync("Usage: import <feed.csv> [--db <catalog.db>] [--currency <ISO code>]");
            return UsageError;
        }
        if (!File.Exists(feedPath))
        {
            await output.WriteLineAsync($"Cannot read '{feedPath}': the file does not exist.");
            return Unreadable;
        }

        ImportReport report;
        try
        {
            report = await new CatalogImporter(databasePath, currency).ImportFileAsync(feedPath, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFormatException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read '{feedPath}': {ex.Message}");
            return Unreadable;
        }
        catch (SqliteException ex)
        {
            await output.WriteLineAsync($"Import failed, the previous catalog in '{databasePath}' is unchanged: {ex.Message}");
            return Unreadable;
        }

        foreach (var rejected in report.Rejected)
            await output.WriteLineAsync($"Rejected {rejected}");
        if (!report.Applied)
        {
            await output.WriteLineAsync($"Nothing imported from '{feedPath}': no valid rows ({report.Rejected.Count} rejected). The previous catalog is unchanged.");
            return NothingImported;
        }
        await output.WriteLineAsync($"Imported {report.Imported} products from '{feedPath}' into '{databasePath}'; rejected {report.Rejected.Count} rows.");
        return Success;
    }

    private static bool TryParse(string[] args, out string feedPath, out string databasePath, out string currency, out string problem)
    {
        var defaults = new CatalogOptions();
        feedPath = "";
        databasePath = Environment.GetEnvironmentVariable("Catalog__DatabasePath") ?? defaults.DatabasePath;
        currency = Environment.GetEnvironmentVariable("Catalog__Currency") ?? defaults.Currency;
        problem = "";
        var rest = args.Length > 0 && args[0] == "import" ? args[1..] : args;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--db" or "--currency" when i + 1 >= rest.Length:
                    problem = $"{rest[i]} needs a value.";
                    return false;
                case "--db":
                    databasePath = rest[++i];
                    break;
                case "--currency":
                    currency = rest[++i].ToUpperInvariant();
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"Unknown option {option}.";
                    return false;
                case var path when feedPath.Length == 0:
                    feedPath = path;
                    break;
                default:
                    problem = $"Unexpected argument '{rest[i]}'.";
                    return false;
            }
        }
        if (feedPath.Length == 0)
            problem = "Name the feed file to import.";
        else if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            problem = $"'{currency}' is not a three-letter currency code.";
        return problem.Length == 0;
    }
}
