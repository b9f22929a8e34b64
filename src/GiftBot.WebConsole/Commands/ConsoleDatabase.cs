using GiftBot.Customers.Context;
using GiftBot.Storage.Sqlite;
using GiftBot.WebConsole.Figures;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Storage;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.WebConsole.Commands;

/// <summary>
/// The bot's database for command-line use: --db, else Storage__DatabasePath, else where `dotnet run --project src/GiftBot`
/// keeps it (src/GiftBot/data/giftbot.db from the repository root, data/giftbot.db elsewhere).
/// </summary>
internal static class ConsoleDatabase
{
    public static string PathFrom(string? option) =>
        option ?? Environment.GetEnvironmentVariable("Storage__DatabasePath")
        ?? (Directory.Exists(Path.Combine("src", "GiftBot")) ? Path.Combine("src", "GiftBot", "data", "giftbot.db") : Path.Combine("data", "giftbot.db"));

    public static ConsoleSqlite Open(string path) => new(new SqliteDatabase(path));

    public static FiguresReport Report(string path)
    {
        var database = new SqliteDatabase(path);
        var sqlite = new ConsoleSqlite(database);
        var storage = new SqliteStorage(database);
        var customers = new CustomerContextStore(storage, new CustomerIndex(storage, NullLogger<CustomerIndex>.Instance), TimeProvider.System, NullLogger<CustomerContextStore>.Instance);
        return new FiguresReport(new SqliteFunnelEventStore(database), new SqliteOrderStore(sqlite), new SqliteAdSpendStore(sqlite),
            new SqliteConversationTranscript(sqlite), customers, TimeProvider.System);
    }

    /// <summary>"--name value" options after the positional arguments; null when a value is missing.</summary>
    public static Dictionary<string, string>? Options(IEnumerable<string> args, out List<string> positional, params string[] flags)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        positional = [];
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (flags.Contains(list[i], StringComparer.OrdinalIgnoreCase)) options[list[i]] = "true";
            else if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= list.Count) return null;
                options[list[i]] = list[++i];
            }
            else positional.Add(list[i]);
        }
        return options;
    }
}
