using Microsoft.Extensions.Options;

namespace GiftBot.Bot;

/// <summary>
/// The Azure Bot Service credentials, read from the configuration ROOT (MicrosoftAppId, MicrosoftAppPassword,
/// MicrosoftAppType, MicrosoftAppTenantId) because that is where Bot Framework's ConfigurationBotFrameworkAuthentication
/// looks for them. With no MicrosoftAppId the bot accepts unauthenticated traffic (Emulator, local connectors).
/// </summary>
public sealed class BotCredentialsOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Azure has created only single-tenant bots since 31 July 2025, so an unset type means SingleTenant.</summary>
    public const string DefaultAppType = "SingleTenant";

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string EffectiveAppType => string.IsNullOrWhiteSpace(MicrosoftAppType) ? DefaultAppType : MicrosoftAppType.Trim();

    /// <summary>
    /// The type handed to Bot Framework: with no app id there is nothing to authenticate (Emulator, local use), and
    /// Bot Framework's no-credentials mode is its MultiTenant path, whatever type is configured for production.
    /// </summary>
    public string BotFrameworkAppType => IsAuthenticationEnabled ? EffectiveAppType : "MultiTenant";
}

/// <summary>Fails start-up with a message naming the key when the credentials cannot work, instead of a 401 on every turn.</summary>
public sealed class BotCredentialsOptionsValidator : IValidateOptions<BotCredentialsOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        var appType = options.EffectiveAppType;
        if (!AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
            return ValidateOptionsResult.Fail($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)} (got '{appType}').");
        if (!options.IsAuthenticationEnabled)
            return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
            failures.Add("MicrosoftAppId must be the bot's Microsoft Entra application (client) id, a GUID.");
        var isManagedIdentity = appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!isManagedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (the app registration's client secret).");
        if (!appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {appType}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
