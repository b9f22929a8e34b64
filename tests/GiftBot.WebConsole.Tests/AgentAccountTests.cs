using GiftBot.WebConsole.Agents;
using GiftBot.WebConsole.Commands;
using GiftBot.WebConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.WebConsole.Tests;

/// <summary>Accounts made with `giftbot agents add`: hashed passwords, and a lockout after repeated wrong passwords.</summary>
public sealed class AgentAccountTests : IAsyncLifetime
{
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(new() { ["Console:MaxFailedSignIns"] = "3" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Database => Path.Combine(_host.DataDirectory, "giftbot.db");

    [Fact]
    public async Task AgentsAdd_ReadsThePasswordFromStandardInput_AndStoresOnlyAHash()
    {
        var output = new StringWriter();
        var code = await AgentsCommand.RunAsync(["add", "carla", "--password-stdin", "--db", Database], new StringReader("carla-secret-pw\n"), output, default);

        Assert.Equal(0, code);
        var account = await _host.Services.GetRequiredService<IAgentAccountStore>().FindAsync("carla", default);
        Assert.NotNull(account);
        Assert.DoesNotContain("carla-secret-pw", account.PasswordHash);
        Assert.Equal(SignInOutcome.Success, (await _host.Services.GetRequiredService<AgentSignIn>().CheckAsync("carla", "carla-secret-pw", default)).Outcome);
        Assert.Equal(1, await AgentsCommand.RunAsync(["add", "carla", "--db", Database], new StringReader("another-password\n"), new StringWriter(), default));
        Assert.Equal(2, await AgentsCommand.RunAsync(["add", "dan", "--db", Database], new StringReader("short\n"), new StringWriter(), default));
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await _host.AddAgentAsync("erin", "erin-password-1");
        var signIn = _host.Services.GetRequiredService<AgentSignIn>();

        Assert.Equal(SignInOutcome.WrongCredentials, (await signIn.CheckAsync("erin", "guess-1", default)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await signIn.CheckAsync("erin", "guess-2", default)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await signIn.CheckAsync("erin", "guess-3", default)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await signIn.CheckAsync("erin", "erin-password-1", default)).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await signIn.CheckAsync("nobody", "erin-password-1", default)).Outcome);
    }
}
