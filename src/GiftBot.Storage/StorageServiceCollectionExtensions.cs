using GiftBot.Storage.Memory;
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
    /// Registers every store (bot state, funnel events, durable inbox, rejected events, scheduled jobs, reply outbox, agents' list, retention)
    /// as singletons over the database Storage:Provider names: the embedded SQLite file (Storage:DatabasePath, the default)
    /// or PostgreSQL (ConnectionStrings:GiftBot), with one unit of work per turn committed by that provider. Bad options
    /// fail start-up naming the key; the schema is created or migrated at start-up, so an unreachable server or an
    /// unwritable path fails fast too.
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

        services.TryAddSingleton(sp => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteStorage>>()));
        services.TryAddSingleton(sp => new SqliteFunnelEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new SqliteScheduledJobStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetService<ILogger<SqliteScheduledJobStore>>()));
        services.TryAddSingleton(sp => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresStorage>>()));
        services.TryAddSingleton(sp => new PostgresFunnelEventStore(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton(sp => new PostgresScheduledJobStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresScheduledJobStore>>()));

        // Chosen when first resolved, from validated options: the provider is read once, after start-up validation.
        services.TryAddSingleton<IDurableInbox>(sp => IsPostgres(sp)
            ? new PostgresDurableInbox(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<PostgresDurableInbox>>(),
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.InstanceStaleAfter)
            : new SqliteDurableInbox(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteDurableInbox>>(),
                sp.GetRequiredService<IOptions<StorageOptions>>().Value.InstanceStaleAfter));
        services.TryAddSingleton<IRejectedEventStore>(sp => IsPostgres(sp)
            ? new PostgresRejectedEventStore(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteRejectedEventStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IUnitOfWorkCommitter>(sp => IsPostgres(sp)
            ? new PostgresUnitOfWorkCommitter(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteUnitOfWorkCommitter(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IReplyOutbox>(sp => IsPostgres(sp)
            ? new PostgresReplyOutbox(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteReplyOutbox(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<ICustomerListStore>(sp => IsPostgres(sp)
            ? new PostgresCustomerListStore(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteCustomerListStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IStoreRetention>(sp => IsPostgres(sp)
            ? new PostgresStoreRetention(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteStoreRetention(sp.GetRequiredService<SqliteDatabase>()));
        services.AddUnitOfWork(
            sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresStorage>() : sp.GetRequiredService<SqliteStorage>(),
            sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresFunnelEventStore>() : sp.GetRequiredService<SqliteFunnelEventStore>(),
            sp => IsPostgres(sp) ? sp.GetRequiredService<PostgresScheduledJobStore>() : sp.GetRequiredService<SqliteScheduledJobStore>());
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IHostedService>(sp => IsPostgres(sp)
            ? new PostgresInstanceHeartbeat(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<IOptions<StorageOptions>>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresInstanceHeartbeat>>())
            : new StoreInstanceHeartbeat(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<StorageOptions>>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StoreInstanceHeartbeat>>()));
        return services;
    }

    /// <summary>
    /// The provider-neutral half of "one unit of work per turn", for any provider: the provider's state, funnel and job stores
    /// are exposed through decorators that join the running <see cref="UnitOfWork"/>, plus <see cref="UnitOfWorkMiddleware"/>
    /// and the retention job. The provider registers its <see cref="IUnitOfWorkCommitter"/>.
    /// </summary>
    public static IServiceCollection AddUnitOfWork(
        this IServiceCollection services,
        Func<IServiceProvider, IStorage> storage,
        Func<IServiceProvider, IFunnelEventStore> funnelEvents,
        Func<IServiceProvider, IScheduledJobStore> scheduledJobs)
    {
        services.TryAddSingleton<IStorage>(sp => new UnitOfWorkStorage(storage(sp)));
        services.TryAddSingleton<IFunnelEventStore>(sp => new UnitOfWorkFunnelEventStore(funnelEvents(sp)));
        services.TryAddSingleton<IScheduledJobStore>(sp => new UnitOfWorkScheduledJobStore(scheduledJobs(sp)));
        services.TryAddSingleton<UnitOfWorkMiddleware>();
        services.AddHostedService<StoreRetentionService>();
        return services;
    }

    /// <summary>
    /// Units of work, the agents' list and the reply outbox in memory, for capabilities used without a database (tests over
    /// Bot Builder's MemoryStorage). Does nothing for what a provider (<see cref="AddStorage"/>) already registered.
    /// </summary>
    public static IServiceCollection TryAddInMemoryUnitOfWork(this IServiceCollection services)
    {
        services.TryAddSingleton<ICustomerListStore, InMemoryCustomerListStore>();
        services.TryAddSingleton<IReplyOutbox, InMemoryReplyOutbox>();
        services.TryAddSingleton<IUnitOfWorkCommitter>(sp => new InMemoryUnitOfWorkCommitter(sp));
        services.TryAddSingleton<UnitOfWorkMiddleware>();
        return services;
    }

    /// <summary>Whether Storage:Provider chose PostgreSQL: capabilities with their own tables pick their store by it.</summary>
    public static bool IsPostgres(IServiceProvider services) =>
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
