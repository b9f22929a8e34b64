using GiftBot.Conversations.Text;
using GiftBot.Language;
using GiftBot.Language.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace GiftBot.Conversations.Understanding;

/// <summary>
/// Understands the turn's message once (intent and gift slots), however many dialogs ask. Button payloads (this bot's or
/// not) and messages without words are not sent to the recognizer; a failing recognizer means "not understood", not a
/// failed turn.
/// </summary>
public sealed class TurnUnderstanding
{
    private const string TurnStateKey = "GiftBot.ShopperUnderstanding";
    private readonly IRecognizer _recognizer;
    private readonly ILogger<TurnUnderstanding> _logger;

    public TurnUnderstanding(IRecognizer recognizer, ILogger<TurnUnderstanding> logger)
    {
        _recognizer = recognizer;
        _logger = logger;
    }

    public static readonly ShopperUnderstanding Nothing = new();

    /// <summary>
    /// Longer than any question to a shop or gift request (about ten sentences): a paste, read by nobody's rules, and
    /// not worth the recognizer's time; see LongMessageHandler for what the shopper is told.
    /// </summary>
    public const int LongestUnderstood = 1000;

    public static bool IsTooLong(string? text) => text is not null && text.Length > LongestUnderstood;

    public async Task<ShopperUnderstanding> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<ShopperUnderstanding>(TurnStateKey) is { } cached) return cached;
        var understanding = await RecognizeAsync(turnContext, cancellationToken);
        turnContext.TurnState.Set(TurnStateKey, understanding);
        return understanding;
    }

    private async Task<ShopperUnderstanding> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        // Punctuation alone has nothing in it to fill a slot with; emoji alone go to the recognizer, which reads the ones its
        // lexicon knows ("🎁", "👍") and nothing into the others.
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text) || !activity.Text.Any(c => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.IsSymbol(c))
            || Payloads.TryParse(activity.Text, out _)
            || Payloads.LooksLikeButton(activity.Text, out _) || IsTooLong(activity.Text))
            return Nothing;
        try
        {
            var result = await _recognizer.RecognizeAsync(turnContext, cancellationToken);
            return result.ToShopperUnderstanding();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Recognizer failed on channel {ChannelId}; treating the message as not understood", activity.ChannelId);
            return Nothing;
        }
    }
}
