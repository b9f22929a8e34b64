using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GiftBot.Meaning;

public static class MeaningServiceCollectionExtensions
{
    /// <summary>Registers the sentence-embedding model and loads it in the background while the host starts.</summary>
    public static IServiceCollection AddMeaning(this IServiceCollection services)
    {
        services.TryAddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddHostedService<MeaningWarmUp>();
        return services;
    }

    /// <summary>
    /// Starts loading the model without holding up start-up; until it is in memory the readiness check says so and
    /// the first question waits for it rather than failing.
    /// </summary>
    private sealed class MeaningWarmUp(ITextEmbedder embedder, ILogger<MeaningWarmUp> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    embedder.Embed("gift");
                    logger.LogInformation("Sentence model {ModelId} loaded in {ElapsedMs} ms", embedder.ModelId, (long)MiniLmEmbedder.LoadTime.TotalMilliseconds);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Sentence model {ModelId} failed to load", embedder.ModelId);
                }
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
