using System.Globalization;
using GiftBot.Catalog.Feed;
using Microsoft.Data.Sqlite;

namespace GiftBot.Catalog.Import;

/// <summary>
/// <c>catalog import &lt;feed.csv&gt; [--dry-run] [--allow-partial] [--db path] [--currency EUR]</c>: loads a feed into the
/// catalog database the bot reads (the CLI passes the host's own settings) and prints what changed and every rejected
/// line. A feed with more rejected rows than Catalog:MaxRejectedPercent is refused and the old catalog kept.
/// </summary>
public static class CatalogImportCommand
{
    public const string Usage = "catalog import <feed.csv> [--dry-run] [--allow-partial] [--db <catalog.db>] [--currency <ISO code>]";
    public const int Success = 0;
    public const int NothingImported = 1;
    public const int UsageError = 2;
    public const int Unreadable = 3;
    public const int Refused = 4;

    /// <summary>Runs with the built-in defaults (paths relative to the working directory); the CLI passes the host's settings instead.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, new CatalogOptions(), new CatalogFeedOptions(), output, cancellationToken);

    public static async Task<int> RunAsync(string[] args, CatalogOptions catalog, CatalogFeedOptions feeds, TextWriter output, CancellationToken cancellationToken)
    {
        if (!TryParse(args, catalog, out var request, out var problem))
        {
            await output.WriteLineAsync(problem);
            await output.WriteLineAsync("Usage: " + Usage);
            return UsageError;
        }
        if (!File.Exists(request.FeedPath))
        {
            await output.WriteLineAsync($"Cannot read '{request.FeedPath}': the file does not exist.");
            return Unreadable;
        }

        ImportReport report;
        var rules = feeds.Rules(request.AllowPartial, request.DryRun);
        try
        {
            report = await new CatalogImporter(request.DatabasePath, request.Currency).ImportFileAsync(request.FeedPath, rules, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFormatException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read '{request.FeedPath}': {ex.Message}");
            return Unreadable;
        }
        catch (SqliteException ex)
        {
            await output.WriteLineAsync($"Import failed, the previous catalog in '{request.DatabasePath}' is unchanged: {ex.Message}");
            return Unreadable;
        }

        foreach (var rejected in report.Rejected)
            await output.WriteLineAsync($"Rejected {rejected}");
        return await ReportAsync(report, request, rules, output);
    }

    private static async Task<int> ReportAsync(ImportReport report, ImportRequest request, ImportRules rules, TextWriter output)
    {
        var rows = $"{report.TotalRows} rows: {report.ValidRows} valid, {report.Rejected.Count} rejected ({report.RejectedShare})";
        switch (report.Outcome)
        {
            case ImportOutcome.NothingValid:
                await output.WriteLineAsync($"Nothing imported from '{request.FeedPath}': no valid rows ({report.Rejected.Count} rejected). The previous catalog is unchanged.");
                return NothingImported;
            case ImportOutcome.TooManyRejected:
                await output.WriteLineAsync(
                    $"Refused '{request.FeedPath}': {rows}, above the {rules.MaxRejectedPercent.ToString(CultureInfo.InvariantCulture)} % limit "
                    + $"(Catalog:MaxRejectedPercent). The previous catalog in '{request.DatabasePath}' is unchanged. "
                    + $"Fix the feed, or run again with --allow-partial to import the {report.ValidRows} valid rows only.");
                await WriteChangesAsync(report.Changes, "Would have", output);
                return Refused;
            case ImportOutcome.DryRun:
                await output.WriteLineAsync($"Dry run of '{request.FeedPath}' against '{request.DatabasePath}': {rows}. Nothing was written.");
                await WriteChangesAsync(report.Changes, "Would", output);
                return Success;
            default:
                await WriteChangesAsync(report.Changes, "", output);
                await output.WriteLineAsync($"Imported {report.Imported} products from '{request.FeedPath}' into '{request.DatabasePath}'; rejected {report.Rejected.Count} rows.");
                return Success;
        }
    }

    private static async Task WriteChangesAsync(CatalogChanges changes, string mood, TextWriter output)
    {
        static string Verb(string mood, string verb) => mood.Length == 0 ? char.ToUpperInvariant(verb[0]) + verb[1..] : $"{mood} {verb}";
        var (add, remove, change) = mood switch
        {
            "" => ("added", "removed", "changed"),
            "Would have" => ("added", "removed", "changed"),
            _ => ("add", "remove", "change"),
        };
        await output.WriteLineAsync($"{Verb(mood, add)} {changes.Added.Count} product(s){List(changes.Added)}");
        await output.WriteLineAsync($"{Verb(mood, remove)} {changes.Removed.Count} product(s){List(changes.Removed)}");
        await output.WriteLineAsync($"{Verb(mood, change)} {changes.PriceChanges.Count} price(s){List(changes.PriceChanges.Select(Price).ToList())}");
    }

    private static string Price(PriceChange change) =>
        $"{change.ProductId} {change.Before.ToString("0.00", CultureInfo.InvariantCulture)} -> {change.After.ToString("0.00", CultureInfo.InvariantCulture)} {change.Currency}";

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? "." : ": " + string.Join(", ", items.Take(50)) + (items.Count > 50 ? $" and {items.Count - 50} more." : ".");

    private sealed record ImportRequest(string FeedPath, string DatabasePath, string Currency, bool DryRun, bool AllowPartial);

    private static bool TryParse(string[] args, CatalogOptions defaults, out ImportRequest request, out string problem)
    {
        string feedPath = "", databasePath = defaults.DatabasePath, currency = defaults.Currency;
        bool dryRun = false, allowPartial = false;
        problem = "";
        request = null!;
        var rest = args.Length > 0 && args[0] == "import" ? args[1..] : args;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--db" or "--currency" when i + 1 >= rest.Length:
                    problem = $"{rest[i]} needs a value.";
                    return false;
                case "--db":
                    databasePath = Path.GetFullPath(rest[++i]);
                    break;
                case "--currency":
                    currency = rest[++i].ToUpperInvariant();
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--allow-partial":
                    allowPartial = true;
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
        request = new ImportRequest(feedPath, databasePath, currency, dryRun, allowPartial);
        return problem.Length == 0;
    }
}
