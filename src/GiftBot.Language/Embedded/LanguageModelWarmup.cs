using Microsoft.Extensions.Hosting;

namespace GiftBot.Language.Embedded;

/// <summary>Loads (or trains) the language model while the host starts, so the first shopper does not wait and a broken utterance file stops start-up.</summary>
public sealed class LanguageModelWarmup(LanguageModelProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => provider.GetModelAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
