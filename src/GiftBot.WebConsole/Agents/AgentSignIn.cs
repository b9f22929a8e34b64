using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.WebConsole.Agents;

public enum SignInOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, AgentAccount? Account = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Checks a name and password against the stored hash (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>), counts wrong
/// passwords and locks the account after <see cref="WebConsoleOptions.MaxFailedSignIns"/> in a row. An unknown name and a
/// wrong password get the same answer, so the form does not reveal which names exist.
/// </summary>
public sealed class AgentSignIn(IAgentAccountStore store, IOptionsMonitor<WebConsoleOptions> options, TimeProvider time, ILogger<AgentSignIn> logger)
{
    private static readonly PasswordHasher<AgentAccount> Hasher = new();

    public const int MinPasswordLength = 10;
    public const int MaxNameLength = 64;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@');

    public async Task<SignInResult> CheckAsync(string? name, string? password, CancellationToken cancellationToken)
    {
        if (!IsValidName(name) || string.IsNullOrEmpty(password)) return new(SignInOutcome.WrongCredentials);
        var account = await store.FindAsync(name!, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            // Spend the same effort as a real check, so timing does not reveal unknown names either.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return new(SignInOutcome.WrongCredentials);
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil > now)
        {
            logger.LogWarning("Sign-in refused: agent {Agent} is locked until {LockedUntil}", account.Name, account.LockedUntil);
            return new(SignInOutcome.LockedOut, LockedUntil: account.LockedUntil);
        }

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.CurrentValue;
            await store.RecordFailureAsync(account.Name, settings.MaxFailedSignIns, now + settings.LockoutDuration, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Wrong password for agent {Agent} ({Failures} in a row before this one)", account.Name, account.FailedSignIns);
            var after = await store.FindAsync(account.Name, cancellationToken).ConfigureAwait(false);
            return after?.LockedUntil > now ? new(SignInOutcome.LockedOut, LockedUntil: after.LockedUntil) : new(SignInOutcome.WrongCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await store.SetPasswordHashAsync(account.Name, Hash(password), cancellationToken).ConfigureAwait(false);
        else if (account.FailedSignIns > 0 || account.LockedUntil is not null)
            await store.ResetFailuresAsync(account.Name, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Agent {Agent} signed in to the console", account.Name);
        return new(SignInOutcome.Success, account);
    }

    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString("N"));
}
