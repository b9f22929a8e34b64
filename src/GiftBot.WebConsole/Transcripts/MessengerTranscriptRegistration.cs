using GiftBot.Messenger.Adapter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>
/// The direct Messenger adapter builds its own pipeline (it is not a Bot Framework HTTP adapter), so the transcript
/// recorder joins it here, once settings have been validated at start-up, instead of the Messenger project knowing the console.
/// </summary>
internal sealed class MessengerTranscriptRegistration(IServiceProvider services, TranscriptMiddleware middleware) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<FacebookAdapter>()?.Use(middleware);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
