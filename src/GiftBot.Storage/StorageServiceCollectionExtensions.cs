using GiftBot.Storage.Postgres;
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
    /// Registers every store (bot state, funnel events, durable inbox, rejected events, scheduled jobs) as singletons over the database
    /// Storage:Provider names: the embedded SQLite file (Storage:DatabasePath, the default) or PostgreSQL
    /// (ConnectionStrings:GiftBot). Bad options fail start-up naming the key; the schema is created or migrated at
    /// start-up, so an unreachable server or an unwritable path fails fast too.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.PostgresConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
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
        services.TryAddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgresConnectionString!, sp.GetService<ILogger<PostgresDatabase>>()));

        // Chosen when first resolved, from validated options: the provider is read once, after start-up validation.
        services.TryAddSingleton<IStorage>(sp => IsPostgres(sp)
            ? new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresStorage>>())
            : new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteStorage>>()));
        services.TryAddSingleton<IFunnelEventStore>(sp => IsPostgres(sp)
            ? new PostgresFunnelEventStore(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteFunnelEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IDurableInbox>(sp => IsPostgres(sp)
            ? new PostgresDurableInbox(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<PostgresDurableInbox>>())
            : new SqliteDurableInbox(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteDurableInbox>>()));
        services.TryAddSingleton<IRejectedEventStore>(sp => IsPostgres(sp)
            ? new PostgresRejectedEventStore(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteRejectedEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IScheduledJobStore>(sp => IsPostgres(sp)
            ? new PostgresScheduledJobStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresScheduledJobStore>>())
            : new SqliteScheduledJobStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteScheduledJobStore>>()));
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    internal static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;
}

/// <summary>Creates/migrates the chosen database when the host starts, so a bad path, an unreachable server or a newer schema stops start-up, not the first shopper's turn.</summary>
internal sealed class StorageInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => StorageServiceCollectionExtensions.IsPostgres(services)
        ? services.GetRequiredService<PostgresDatabase>().EnsureCreatedAsync(cancellationToken)
        : services.GetRequiredService<SqliteDatabase>().EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
