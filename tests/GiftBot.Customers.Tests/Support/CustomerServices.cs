using GiftBot.Customers.Context;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Customers.Tests.Support;

/// <summary>
/// AddCustomers as the host wires it, over a given IStorage (MemoryStorage by default), a fake clock and recorded logs.
/// The clock starts far from the real date so activity timestamps stamped by TestAdapter are never mistaken for "now".
/// </summary>
public sealed class CustomerServices : IDisposable
{
    public static readonly DateTimeOffset Start = new(2031, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public CustomerServices(IStorage? storage = null, IDictionary<string, string?>? settings = null)
    {
        Storage = storage ?? new MemoryStorage();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tagging:RulesFile"] = null, ["Content:RootPath"] = "no-content-here" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Storage);
        services.AddCustomers(configuration);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingLoggerProvider Logs { get; } = new();

    public IStorage Storage { get; }

    public ServiceProvider Provider { get; }

    public ICustomerContextStore Store => Get<ICustomerContextStore>();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Runs start-up options validation like the host does.</summary>
    public void ValidateOptions()
    {
        _ = Get<IOptions<CustomersOptions>>().Value;
        _ = Get<IOptions<GiftBot.Customers.Tagging.TaggingOptions>>().Value;
        _ = Get<IOptions<GiftBot.Customers.AgentApi.AgentApiOptions>>().Value;
    }

    public void Dispose() => Provider.Dispose();
}
