using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GiftBot.Testing.Postgres;

/// <summary>
/// Marks a test class (or a subclass of a store contract) that needs the PostgreSQL server named by
/// <see cref="PostgresTestServer.EnvironmentVariable"/>. Its <see cref="StoreFactAttribute"/> tests are skipped, with one line
/// saying how to run them, when the variable is not set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A fact that runs everywhere unless its concrete test class is marked <see cref="RequiresPostgresAttribute"/> and no
/// PostgreSQL server is configured; then it reports as skipped (xunit 2 has no Assert.Skip, so the discoverer decides).
/// Contract tests written once in an abstract class use it, so the SQLite subclass always runs and the PostgreSQL one when it can.
/// </summary>
[XunitTestCaseDiscoverer("GiftBot.Testing.Postgres.StoreFactDiscoverer", "GiftBot.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static int _explained;
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var testClass = testMethod.TestClass.Class;
        var needsPostgres = testClass.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresTestServer.ConnectionString is null)
        {
            // One line in the test output (xunit.runner.json: diagnosticMessages) saying how to run them.
            if (Interlocked.Exchange(ref _explained, 1) == 0)
                diagnosticMessageSink.OnMessage(new DiagnosticMessage("PostgreSQL tests skipped. " + PostgresTestServer.SkipReason));
            return
            [
                new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresTestServer.SkipReason),
            ];
        }

        return _facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
