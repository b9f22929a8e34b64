using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded SQLite store (bot state, funnel events, durable inbox, rejected events, scheduled jobs) as singletons over
    /// one database file from the "Storage" section. Bad options fail start-up naming the key; the schema is created
    /// at start-up so a path that cannot be written fails fast too.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new SqliteDatabase(
                Path.Combine(contentRoot, options.DatabasePath),
                options.BusyTimeoutMilliseconds,
                sp.GetService<ILogger<SqliteDatabase>>(),
                options.Synchronous);
        });
        services.TryAddSingleton<IStorage>(sp => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteStorage>>()));
        services.TryAddSingleton<IFunnelEventStore>(sp => new SqliteFunnelEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IDurableInbox>(sp => new SqliteDurableInbox(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteDurableInbox>>()));
        services.TryAddSingleton<IRejectedEventStore>(sp => new SqliteRejectedEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IScheduledJobStore>(sp => new SqliteScheduledJobStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteScheduledJobStore>>()));
        services.AddHostedService<SqliteStorageInitializer>();
        return services;
    }
}

/// <summary>Creates/migrates the database when the host starts, so a bad path or a newer schema stops start-up, not the first shopper's turn.</summary>
internal sealed class SqliteStorageInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
