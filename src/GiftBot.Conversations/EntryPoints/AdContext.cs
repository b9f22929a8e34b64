using System.Text.RegularExpressions;
using GiftBot.Catalog;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Dialogs;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Conversations.EntryPoints;

/// <summary>
/// A click-to-Messenger ad without a known ref: its ads_context_data still says what the shopper clicked. A catalog
/// product_id is shown first (a one-card carousel), then the gift finder asks with that product's interests; an ad
/// title naming a catalog theme (name, display name or synonym) pre-fills that interest.
/// </summary>
public sealed class AdContext(IProductCatalog catalog, ProductCards cards, BotVoice voice)
{
    /// <returns>How to begin the gift finder, or null when the ad context names nothing the catalog knows.</returns>
    public async Task<GiftFinderStart?> BeginAsync(DialogContext dc, JObject context, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var productId = context["product_id"]?.ToString();
        if (!string.IsNullOrWhiteSpace(productId) && await catalog.GetAsync(productId, cancellationToken) is { } product)
        {
            await turn.SendActivityAsync(MessageFactory.Text(voice.Line(turn, EntryText.AdProduct, "title", product.Title)), cancellationToken);
            var themes = await catalog.GetThemesAsync(cancellationToken);
            var card = await cards.CardAsync(turn, product, new GiftSearch(), themes, cancellationToken);
            await turn.SendActivityAsync(MessageFactory.Carousel([card]), cancellationToken);
            return GiftFinderStart.New(new ShopperUnderstanding { Intent = GiftIntents.FindGift, Interests = product.Interests.ToList() });
        }

        if (context.Value<string>("ad_title") is { Length: > 0 } title && await ThemeNamedInAsync(title, cancellationToken) is { } theme)
        {
            await turn.SendActivityAsync(MessageFactory.Text(voice.Line(turn, EntryText.AdTheme, "theme", theme.DisplayName)), cancellationToken);
            return GiftFinderStart.New(new ShopperUnderstanding { Intent = GiftIntents.FindGift, Interests = [theme.Name] });
        }
        return null;
    }

    /// <summary>The first theme whose name, display name or a synonym appears in the title as whole words.</summary>
    public async Task<InterestTheme?> ThemeNamedInAsync(string title, CancellationToken cancellationToken)
    {
        var themes = await catalog.GetThemesAsync(cancellationToken);
        return themes.FirstOrDefault(t => new[] { t.Name, t.DisplayName }.Concat(t.Synonyms).Any(word => Names(title, word)));
    }

    private static bool Names(string title, string word) =>
        !string.IsNullOrWhiteSpace(word) && Regex.IsMatch(title, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
