namespace GiftBot.WebConsole.Agents;

/// <summary>A person who signs in to the console. The password is only ever kept as ASP.NET Core's password hash.</summary>
public sealed record AgentAccount(string Name, string DisplayName, string PasswordHash, int FailedSignIns, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>Agent accounts: SQLite here; another provider (PostgreSQL) implements the same interface.</summary>
public interface IAgentAccountStore
{
    /// <summary>Case-insensitive by name; null when unknown.</summary>
    Task<AgentAccount?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>False when an account with that name exists already.</summary>
    Task<bool> AddAsync(AgentAccount account, CancellationToken cancellationToken);

    Task<bool> SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Counts a wrong password; at <paramref name="maxFailures"/> in a row the account is locked until <paramref name="lockedUntil"/>.</summary>
    Task RecordFailureAsync(string name, int maxFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    Task ResetFailuresAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken);
}
