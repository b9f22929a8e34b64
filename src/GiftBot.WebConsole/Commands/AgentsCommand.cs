using GiftBot.WebConsole.Agents;
using Microsoft.Extensions.Configuration;

namespace GiftBot.WebConsole.Commands;

/// <summary>
/// <c>agents add &lt;name&gt; [--display-name "Ann Smith"] [--db path]</c>: creates a console account; the password is read
/// from standard input (one line; --password-stdin says so explicitly), so it never appears in the shell history.
/// <c>agents password &lt;name&gt;</c> sets a new password and unlocks the account; <c>agents list</c> lists accounts.
/// Without --db the accounts go where the bot keeps them (its PostgreSQL database when Storage:Provider is Postgres).
/// </summary>
public static class AgentsCommand
{
    public const string Usage = "agents add|password <name> [--display-name <text>] [--password-stdin] [--db <giftbot.db>] | agents list [--db <giftbot.db>]";

    public static Task<int> RunAsync(string[] args, IConfiguration? configuration, TextWriter output, CancellationToken ct) => RunAsync(args, configuration, Console.In, output, ct);

    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken ct) => RunAsync(args, null, input, output, ct);

    public static async Task<int> RunAsync(string[] args, IConfiguration? configuration, TextReader input, TextWriter output, CancellationToken ct)
    {
        var options = ConsoleDatabase.Options(args, out var positional, "--password-stdin");
        if (options is null || positional.Count == 0 || positional[0] is not ("add" or "password" or "list") || (positional[0] != "list" && positional.Count != 2))
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        var path = ConsoleDatabase.PathFrom(options.GetValueOrDefault("--db"));
        await using var postgres = ConsoleDatabase.Postgres(options.GetValueOrDefault("--db"), configuration);
        var store = ConsoleDatabase.Agents(postgres, path);
        if (positional[0] == "list")
        {
            foreach (var account in await store.ListAsync(ct))
                await output.WriteLineAsync($"{account.Name}\t{account.DisplayName}\t{(account.LockedUntil > DateTimeOffset.UtcNow ? "locked" : "active")}");
            return 0;
        }

        var name = positional[1].Trim();
        if (!AgentSignIn.IsValidName(name))
        {
            await output.WriteLineAsync($"The name must be 1-{AgentSignIn.MaxNameLength} letters, digits, '.', '-', '_' or '@'.");
            return 2;
        }
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In)) await output.WriteLineAsync($"Password for {name} (at least {AgentSignIn.MinPasswordLength} characters), then Enter:");
        var password = (await input.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        if (password is null || password.Length < AgentSignIn.MinPasswordLength)
        {
            await output.WriteLineAsync($"The password must be at least {AgentSignIn.MinPasswordLength} characters (read from standard input).");
            return 2;
        }

        var hash = AgentSignIn.Hash(password);
        if (positional[0] == "password")
        {
            var changed = await store.SetPasswordHashAsync(name, hash, ct);
            await output.WriteLineAsync(changed ? $"New password set for {name}; the account is unlocked." : $"No agent named {name}.");
            return changed ? 0 : 1;
        }
        var display = options.GetValueOrDefault("--display-name")?.Trim() is { Length: > 0 and <= 100 } d ? d : name;
        if (!await store.AddAsync(new AgentAccount(name, display, hash, 0, null, DateTimeOffset.UtcNow), ct))
        {
            await output.WriteLineAsync($"An agent named {name} exists already (use `agents password {name}` to change the password).");
            return 1;
        }
        await output.WriteLineAsync($"Agent {name} can now sign in at /console (database {postgres?.Target ?? Path.GetFullPath(path)}).");
        return 0;
    }
}
