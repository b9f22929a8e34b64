using GiftBot.Catalog;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.ProductQuestions;

/// <summary>
/// A link sent on its own (Messenger's link share arrives as a "fallback" attachment carrying the address; Web Chat and
/// the Emulator send the address as the text). A link is not a picture: one of the shop's product pages gets that
/// product's card with its usual buttons; any other address is answered plainly with what the bot can do instead.
/// Pictures, stickers and audio are no links and keep the gift finder's "a few words work" answer.
/// </summary>
public sealed class SharedLinkHandler(IProductCatalog catalog, RecommendationPresenter presenter, BotVoice voice) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || turnContext.Activity.Type != ActivityTypes.Message || SharedLinks.Of(turnContext.Activity) is not { } url) return false;
        if (await catalog.FindByLinkAsync(url, cancellationToken) is { } product)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, ProductQuestionText.FromLink, "product", product.Title)), cancellationToken);
            await presenter.ShowProductsAsync(turnContext, [product], cancellationToken);
            return true;
        }
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, ProductQuestionText.OtherLink),
            [QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
        return true;
    }
}
