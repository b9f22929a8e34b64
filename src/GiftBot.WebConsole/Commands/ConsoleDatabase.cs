using GiftBot.Customers.Context;
using GiftBot.Storage;
using GiftBot.Storage.Postgres;
using GiftBot.Storage.Sqlite;
using GiftBot.WebConsole.Agents;
using GiftBot.WebConsole.Figures;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Storage;
using GiftBot.WebConsole.Transcripts;
using Microsoft.Extensions.Configuration;

namespace GiftBot.WebConsole.Commands;

/// <summary>
/// The bot's database for command-line use: --db (a SQLite file), else the bot's PostgreSQL database when its settings say
/// Storage:Provider=Postgres, else Storage__DatabasePath, else where `dotnet run --project src/GiftBot` keeps it
/// (src/GiftBot/data/giftbot.db from the repository root, data/giftbot.db elsewhere).
/// </summary>
internal static class ConsoleDatabase
{
    public static string PathFrom(string? option) =>
        option ?? Environment.GetEnvironmentVariable("Storage__DatabasePath")
        ?? (Directory.Exists(Path.Combine("src", "GiftBot")) ? Path.Combine("src", "GiftBot", "data", "giftbot.db") : Path.Combine("data", "giftbot.db"));

    public static ConsoleSqlite Open(string path) => new(new SqliteDatabase(path));

    /// <summary>The bot's shared PostgreSQL database when its settings choose it and no --db names a SQLite file; null otherwise.</summary>
    /// <exception cref="InvalidOperationException">Storage:Provider is Postgres but the connection string is missing (the message names the key).</exception>
    public static PostgresDatabase? Postgres(string? dbOption, IConfiguration? configuration)
    {
        if (dbOption is not null || configuration is null
            || !Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"], ignoreCase: true, out var provider)
            || provider != StorageProvider.Postgres)
            return null;
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.ConnectionStringName} must be set when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is Postgres.");
        return new PostgresDatabase(connectionString);
    }

    public static IAgentAccountStore Agents(PostgresDatabase? postgres, string path) =>
        postgres is not null ? new PostgresAgentAccountStore(postgres) : new SqliteAgentAccountStore(Open(path));

    public static FiguresReport Report(PostgresDatabase postgres)
    {
        var customers = new CustomerContextStore(new PostgresStorage(postgres), new PostgresCustomerListStore(postgres), new PostgresUnitOfWorkCommitter(postgres), TimeProvider.System);
        return new FiguresReport(new PostgresFunnelEventStore(postgres), new PostgresOrderStore(postgres), new PostgresAdSpendStore(postgres),
            new PostgresConversationTranscript(postgres), customers, TimeProvider.System);
    }

    public static FiguresReport Report(string path)
    {
        var database = new SqliteDatabase(path);
        var sqlite = new ConsoleSqlite(database);
        var storage = new SqliteStorage(database);
        var customers = new CustomerContextStore(storage, new SqliteCustomerListStore(database), new SqliteUnitOfWorkCommitter(database), TimeProvider.System);
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
