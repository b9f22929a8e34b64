using GiftBot.Storage.Memory;
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
        services.TryAddSingleton(sp => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteStorage>>()));
        services.TryAddSingleton(sp => new SqliteFunnelEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new SqliteScheduledJobStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteScheduledJobStore>>()));
        services.TryAddSingleton<IDurableInbox>(sp => new SqliteDurableInbox(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteDurableInbox>>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.InstanceStaleAfter));
        services.TryAddSingleton<IRejectedEventStore>(sp => new SqliteRejectedEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IUnitOfWorkCommitter>(sp => new SqliteUnitOfWorkCommitter(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IReplyOutbox>(sp => new SqliteReplyOutbox(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ICustomerListStore>(sp => new SqliteCustomerListStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IStoreRetention>(sp => new SqliteStoreRetention(sp.GetRequiredService<SqliteDatabase>()));
        services.AddUnitOfWork<SqliteStorage, SqliteFunnelEventStore, SqliteScheduledJobStore>();
        services.AddHostedService<StoreInstanceHeartbeat>();
        services.AddHostedService<SqliteStorageInitializer>();
        return services;
    }

    /// <summary>
    /// The provider-neutral half of "one unit of work per turn", for any provider: the provider's state, funnel and job stores
    /// (registered as their concrete types) are exposed through decorators that join the running <see cref="UnitOfWork"/>,
    /// plus <see cref="UnitOfWorkMiddleware"/> and the retention job. The provider registers its <see cref="IUnitOfWorkCommitter"/>.
    /// </summary>
    public static IServiceCollection AddUnitOfWork<TStorage, TFunnelEvents, TScheduledJobs>(this IServiceCollection services)
        where TStorage : class, IStorage
        where TFunnelEvents : class, IFunnelEventStore
        where TScheduledJobs : class, IScheduledJobStore
    {
        services.TryAddSingleton<IStorage>(sp => new UnitOfWorkStorage(sp.GetRequiredService<TStorage>()));
        services.TryAddSingleton<IFunnelEventStore>(sp => new UnitOfWorkFunnelEventStore(sp.GetRequiredService<TFunnelEvents>()));
        services.TryAddSingleton<IScheduledJobStore>(sp => new UnitOfWorkScheduledJobStore(sp.GetRequiredService<TScheduledJobs>()));
        services.TryAddSingleton<UnitOfWorkMiddleware>();
        services.AddHostedService<StoreRetentionService>();
        return services;
    }

    /// <summary>
    /// Units of work, the agents' list and the reply outbox in memory, for capabilities used without a database (tests over
    /// Bot Builder's MemoryStorage). Does nothing for what a provider such as <see cref="AddSqliteStorage"/> already registered.
    /// </summary>
    public static IServiceCollection TryAddInMemoryUnitOfWork(this IServiceCollection services)
    {
        services.TryAddSingleton<ICustomerListStore, InMemoryCustomerListStore>();
        services.TryAddSingleton<IReplyOutbox, InMemoryReplyOutbox>();
        services.TryAddSingleton<IUnitOfWorkCommitter>(sp => new InMemoryUnitOfWorkCommitter(sp));
        services.TryAddSingleton<UnitOfWorkMiddleware>();
        return services;
    }
}

/// <summary>Creates/migrates the database when the host starts, so a bad path or a newer schema stops start-up, not the first shopper's turn.</summary>
internal sealed class SqliteStorageInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
