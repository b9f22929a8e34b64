using Microsoft.Bot.Builder;

namespace GiftBot.Tests.Hosting;

/// <summary>A bot whose turn is a lambda, for host tests that need a bot to do one specific thing (throw, inspect the turn).</summary>
public sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> onTurnAsync) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => onTurnAsync(turnContext, cancellationToken);
}
