using GiftBot.Testing.Postgres;
using GiftBot.WebConsole.Agents;
using GiftBot.WebConsole.Commands;
using GiftBot.WebConsole.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Tests;

/// <summary>With Storage:Provider=Postgres the console's data is in the shared database: the CLI and every instance see the same accounts and figures.</summary>
[RequiresPostgres]
public sealed class PostgresConsoleTests
{
    [StoreFact]
    public async Task AgentMadeByTheCli_SignsInOnEveryInstance_AndLockoutCountsAcrossThem()
    {
        await using var database = await PostgresTestServer.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:GiftBot"] = database.ConnectionString,
            ["Console:MaxFailedSignIns"] = "2",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var cli = new StringWriter();

        Assert.Equal(0, await AgentsCommand.RunAsync(["add", "carla", "--password-stdin"], configuration, new StringReader("carla-secret-pw\n"), cli, default));
        Assert.Contains(database.Name, cli.ToString());

        await using var first = await ConsoleHost.StartAsync(settings);
        await using var second = await ConsoleHost.StartAsync(settings);
        var onFirst = first.Services.GetRequiredService<AgentSignIn>();
        var onSecond = second.Services.GetRequiredService<AgentSignIn>();
        Assert.Equal(SignInOutcome.Success, (await onFirst.CheckAsync("Carla", "carla-secret-pw", default)).Outcome);
        Assert.Equal(SignInOutcome.Success, (await onSecond.CheckAsync("carla", "carla-secret-pw", default)).Outcome);

        // One wrong password on each instance reaches the limit of two: the account is locked on both.
        Assert.Equal(SignInOutcome.WrongCredentials, (await onFirst.CheckAsync("carla", "guess-1", default)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await onSecond.CheckAsync("carla", "guess-2", default)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await onFirst.CheckAsync("carla", "carla-secret-pw", default)).Outcome);

        var list = new StringWriter();
        Assert.Equal(0, await AgentsCommand.RunAsync(["list"], configuration, new StringReader(""), list, default));
        Assert.Contains("carla\tcarla\tlocked", list.ToString());
        var report = new StringWriter();
        Assert.Equal(0, await ReportCommand.RunAsync(["--csv"], configuration, report, default));
        Assert.NotEmpty(report.ToString());
    }
}
