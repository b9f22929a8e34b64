using Microsoft.Extensions.Options;

namespace GiftBot.Bot;

/// <summary>Says once at start-up whether Azure Bot Service authentication is on, so an open local endpoint is never a surprise.</summary>
internal sealed class BotCredentialsReport(IOptions<BotCredentialsOptions> options, ILogger<BotCredentialsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var credentials = options.Value;
        if (credentials.IsAuthenticationEnabled)
            logger.LogInformation("Azure Bot Service authentication is on for app {MicrosoftAppId} ({MicrosoftAppType})",
                credentials.MicrosoftAppId, credentials.EffectiveAppType);
        else
            logger.LogWarning("No MicrosoftAppId configured: /api/messages accepts unauthenticated activities (Bot Framework Emulator, local use only)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
