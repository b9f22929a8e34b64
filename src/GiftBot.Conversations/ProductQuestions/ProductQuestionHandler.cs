using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.State;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.ProductQuestions;

/// <summary>
/// Answers a question about a named product ("is the telescope in stock?", "how much is the dinosaur puzzle", "what age
/// is the space shuttle for?") or the cheapest/dearest of a kind ("the cheapest lego") with the fact asked and the
/// product's usual card; several matches are shown and said to be several; none: said so, and the gift finder offered.
/// A gift request is never taken for one (it names a recipient, an age or a budget, or asks for "something").
/// </summary>
public sealed class ProductQuestionHandler(
    IProductCatalog catalog, BotVoice voice, SearchWords words, RecommendationPresenter presenter, ShownProducts shown, FaqCatalog faq, IBotText text, IOptions<GiftFinderOptions> options)
    : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || turnContext.Activity.Type != ActivityTypes.Message) return false;
        if (ProductQuestion.Read(turnContext, voice, turnContext.Activity.Text) is not { } question)
            return await TryAnswerPropertyAsync(turnContext, understanding, cancellationToken);
        // "Is the rocket safe for a 5 year old (my son)?" names an age and a recipient and still asks about the rocket.
        if (question.Suits && understanding.Age is { } age && understanding.Budget is null) return await AnswerFitAsync(turnContext, question, age, cancellationToken);
        if (understanding.Recipient is not null || understanding.Age is not null || understanding.Budget is not null) return false;
        if (await ShownCardNamedAsync(turnContext, cancellationToken) is { } placed)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Facts(turnContext, question, placed)), cancellationToken);
            // The carousel stays the one pointed into: "and the last one?" next still means its last card; "it" means this one.
            await ShowAsync(turnContext, [placed], cancellationToken, remember: false);
            await shown.FocusAsync(turnContext, placed.Id, cancellationToken);
            return true;
        }
        if (question.NamesNoProduct) return await AnswerUnnamedAsync(turnContext, question, cancellationToken);

        var found = await catalog.FindByNameAsync(question.Name, options.Value.CarouselSize, cancellationToken);
        // "the rocket kit" found kits of the space theme and no rocket: the rocket launchers are what was named.
        if (!found.Any(p => NamesAll(p, question)) && question.WithoutGenericWords.Length > 0 && question.WithoutGenericWords != question.Name
            && await catalog.FindByNameAsync(question.WithoutGenericWords, options.Value.CarouselSize, cancellationToken) is { } withoutGenericWords
            && (found.Count == 0 || withoutGenericWords.Any(p => NamesAll(p, question))))
            found = withoutGenericWords;
        // Found by a word's start too ("rock pool" for "rocket"): when some are called what was named, those are the answer.
        if (found.Where(p => NamesAll(p, question)).ToList() is { Count: > 0 } named) found = named;
        // A question to the shop ("how much is shipping?", "do you sell internationally?") names no product: the FAQ answers
        // it. "Do you sell / have ..." begins FAQ questions too ("do you sell gift cards?"), so a stock question goes to the
        // FAQ only when what it names is the FAQ entry's ("do you sell the hoverboard?" is not about gift cards).
        if (found.Count == 0 && understanding.Intent == GiftIntents.Faq && (!question.Stock || NamesFaqTopic(turnContext, understanding.FaqTopic, question.WithoutGenericWords)))
            return false;
        // A question to the shop is answered with products only when they are what it names, all of it: "do you have a
        // loyalty card?" found two card games by "card" alone, and the shop's loyalty scheme is no product.
        if (found.Count > 0 && understanding.Intent == GiftIntents.Faq && !found.Any(p => NamesAll(p, question)))
            return false;

        if (found.Count == 0)
        {
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, ProductQuestionText.None, "name", question.Name),
                [QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
            return true;
        }
        if (question.Cheapest || question.Dearest) return await AnswerSuperlativeAsync(turnContext, question, cancellationToken);
        // "do you have the lego millennium falcon?" found brick sets by "lego" alone: none is what was named, so none is
        // said to match it, nor answered about as if it were. "do you have lego?" found them by the theme "lego" is a word
        // for, and none is LEGO: the shop does not sell what was named, these come closest.
        if (!found.Any(p => NamesAll(p, question))
            && WordsNoneHas(question, found) is { Count: > 0 } unheld
            && (unheld.Count == NameWords(question).Length || NamesNoTheme(unheld, await catalog.GetThemesAsync(cancellationToken))))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, ProductQuestionText.Closest, "name", question.Name)), cancellationToken);
            await ShowAsync(turnContext, found, cancellationToken);
            return true;
        }
        if (found.Count > 1)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, ProductQuestionText.Several,
                new Dictionary<string, string?> { ["count"] = found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = question.Name })), cancellationToken);
            await ShowAsync(turnContext, found, cancellationToken);
            return true;
        }
        await turnContext.SendActivityAsync(MessageFactory.Text(Facts(turnContext, question, found[0])), cancellationToken);
        await ShowAsync(turnContext, found, cancellationToken);
        return true;
    }

    // The product pointed at (a card's place, a name, or "it" for the cards just shown) against the age: yes, not quite, or
    // which of the shown cards fit; when none does, ideas for that age are offered.
    private async Task<bool> AnswerFitAsync(ITurnContext turnContext, ProductQuestion question, AgeRange age, CancellationToken cancellationToken)
    {
        var shownIds = await shown.LastAsync(turnContext, cancellationToken);
        // "Is it ok for a 5 year old?" with no card shown points at nothing: a gift request at that age.
        if (question.NamesNoProduct && shownIds.Count == 0) return false;
        var fromShown = true;
        var products = await ShownCardNamedAsync(turnContext, cancellationToken) is { } placed ? [placed]
            : question.NamesNoProduct ? await ProductsAsync(shownIds, cancellationToken)
            : await ShownNamedAsync(turnContext, question, cancellationToken);
        if (products.Count == 0 && !question.NamesNoProduct)
        {
            fromShown = false;
            products = await catalog.FindByNameAsync(question.Name, options.Value.CarouselSize, cancellationToken);
            if (products.Count == 0 && question.WithoutGenericWords.Length > 0 && question.WithoutGenericWords != question.Name)
                products = await catalog.FindByNameAsync(question.WithoutGenericWords, options.Value.CarouselSize, cancellationToken);
        }
        if (products.Count == 0)
        {
            await turnContext.SendActivityAsync(QuickReplies.Message(turnContext,
                question.NamesNoProduct ? voice.Line(turnContext, ProductQuestionText.WhichProduct) : voice.Line(turnContext, ProductQuestionText.None, "name", question.Name),
                [QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
            return true;
        }

        var who = Who(turnContext, age);
        bool Fits(Product p) => p.MinAge <= age.Max && age.Min <= p.MaxAge;
        string line;
        if (products.Count == 1)
        {
            var product = products[0];
            var key = Fits(product) ? (product.HasNoUpperAge ? ProductQuestionText.FitYesFrom : ProductQuestionText.FitYes)
                : age.Max < product.MinAge ? (product.HasNoUpperAge ? ProductQuestionText.FitTooYoungFrom : ProductQuestionText.FitTooYoung)
                : ProductQuestionText.FitTooOld;
            line = voice.Line(turnContext, key, new Dictionary<string, string?>
            {
                ["product"] = product.Title, ["from"] = Number(product.MinAge), ["to"] = Number(product.MaxAge), ["who"] = who,
            });
        }
        else
        {
            var fitting = products.Where(Fits).Select(p => p.Title).ToList();
            line = fitting.Count == 0 ? voice.Line(turnContext, ProductQuestionText.FitShownNone, "who", who)
                : fitting.Count == products.Count ? voice.Line(turnContext, ProductQuestionText.FitShownAll, "who", who)
                : voice.Line(turnContext, ProductQuestionText.FitShown, new Dictionary<string, string?> { ["products"] = voice.ListOf(turnContext, fitting), ["who"] = who });
        }

        // Ideas for that age are offered when nothing pointed at fits it: the tap reads as the shopper saying the age.
        var offer = !products.Any(Fits) && age.Min == age.Max && age.Min > 0;
        var ageText = Number(age.Min);
        await turnContext.SendActivityAsync(offer
            ? QuickReplies.Message(turnContext, line, [QuickReplies.Answer(voice.Line(turnContext, ProductQuestionText.FitOffer, "age", ageText), voice.Line(turnContext, ProductQuestionText.FitOfferTyped, "age", ageText))])
            : MessageFactory.Text(line), cancellationToken);
        // Cards already on screen are not sent again; a product found by name is shown.
        if (!fromShown) await ShowAsync(turnContext, products, cancellationToken);
        else if (products.Count == 1 && shownIds.Count > 1) await ShowAsync(turnContext, products, cancellationToken, remember: false);
        return true;
    }

    /// <summary>
    /// "Do any of them need batteries?", "is the station one wooden?": a yes/no question about the cards on screen is
    /// answered from what their own details say (the sentence that mentions it), and what they do not say is said not
    /// known, with a person offered; never guessed, never taken for a new interest.
    /// </summary>
    private async Task<bool> TryAnswerPropertyAsync(ITurnContext turnContext, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text;
        if (understanding.Recipient is not null || understanding.Age is not null || understanding.Budget is not null || understanding.Intent == GiftIntents.Faq) return false;
        var normalized = AnswerWords.Normalize(text);
        var opener = voice.List(turnContext, ProductQuestionText.YesNoWords).Select(AnswerWords.Normalize)
            .FirstOrDefault(o => o.Length > 0 && normalized.StartsWith(o + " ", StringComparison.Ordinal));
        if (opener is null) return false;
        var words = normalized[(opener.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Another kind of question ("which one is the cheapest?") is not this one.
        if (AnswerWords.Matches(text, voice.List(turnContext, ProductQuestionText.CheapestWords).Concat(voice.List(turnContext, ProductQuestionText.DearestWords))
                .Concat(voice.List(turnContext, ProductQuestionText.IdeasWords)))) return false;
        var shownIds = await shown.LastAsync(turnContext, cancellationToken);
        if (shownIds.Count == 0) return false;
        var onScreen = await ProductsAsync(shownIds, cancellationToken);

        var ignored = new[] { ProductQuestionText.YesNoWords, ProductQuestionText.ShownWords, ProductQuestionText.FillerWords, ProductQuestionText.PropertyFillerWords, ProductQuestionText.GenericWords }
            .SelectMany(key => voice.List(turnContext, key)).SelectMany(p => AnswerWords.Normalize(p).Split(' ')).Concat(ShownPositions.PlaceWords(turnContext, voice))
            .ToHashSet(StringComparer.Ordinal);
        var rest = words.Where(w => !ignored.Contains(w)).ToList();
        // "The station one": words of a shown card's title name it; the other words are what is asked about it.
        bool InTitle(Product p, string word) => AnswerWords.Normalize(p.Title).Split(' ').Contains(word, StringComparer.Ordinal);
        var nameWords = rest.Where(w => onScreen.Any(p => InTitle(p, w))).ToList();
        var property = rest.Except(nameWords).ToList();
        if (property.Count == 0) return false;
        IReadOnlyList<Product> products = await ShownCardNamedAsync(turnContext, cancellationToken) is { } placed ? [placed]
            : nameWords.Count > 0 ? onScreen.Where(p => nameWords.All(w => InTitle(p, w))).ToList()
            : AnswerWords.Matches(text, voice.List(turnContext, ProductQuestionText.ShownWords)) ? onScreen : [];
        if (products.Count == 0) return false;

        var propertyText = string.Join(' ', property);
        var said = products.Select(p => (Product: p, Sentence: Mentioning(p, property))).Where(s => s.Sentence is not null).ToList();
        var lines = new List<string>();
        if (said.Count > 0)
        {
            lines.Add(voice.Line(turnContext, ProductQuestionText.PropertyFound, "property", propertyText));
            lines.AddRange(said.Select(s => voice.Line(turnContext, ProductQuestionText.PropertySaid, new Dictionary<string, string?> { ["product"] = s.Product.Title, ["description"] = s.Sentence })));
        }
        var unknown = products.Where(p => said.All(s => s.Product.Id != p.Id)).Select(p => p.Title).ToList();
        if (unknown.Count > 0)
            lines.Add(said.Count > 0 ? voice.Line(turnContext, ProductQuestionText.PropertyOthersUnknown, "property", propertyText)
                : voice.Line(turnContext, ProductQuestionText.PropertyUnknown, new Dictionary<string, string?> { ["products"] = voice.ListOf(turnContext, unknown), ["property"] = propertyText }));
        var reply = string.Join('\n', lines);
        await turnContext.SendActivityAsync(unknown.Count > 0
            ? QuickReplies.Message(turnContext, reply, [QuickReplies.Command(voice.Line(turnContext, CommonText.TalkToHuman), Payloads.TalkToHuman)])
            : MessageFactory.Text(reply), cancellationToken);
        return true;
    }

    // The sentence of the product's details (title, then description) that mentions one of the words ("battery-powered"
    // for "batteries", "wooden" for "wood"), or null when they say nothing of it.
    private static string? Mentioning(Product product, IReadOnlyList<string> property)
    {
        var sentences = new[] { product.Title }.Concat(product.Description.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return sentences.FirstOrDefault(s => property.Any(word => ProductText.Mentions(s, word))) is { } found ? Sentence(found) : null;
    }

    // A name in a question after a carousel means a card of it first ("is the rocket ok..." after two rockets and a slime).
    private async Task<IReadOnlyList<Product>> ShownNamedAsync(ITurnContext turnContext, ProductQuestion question, CancellationToken cancellationToken)
    {
        var recent = await ProductsAsync(await shown.RecentAsync(turnContext, cancellationToken), cancellationToken);
        var words = AnswerWords.Normalize(question.WithoutGenericWords.Length > 0 ? question.WithoutGenericWords : question.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return recent.Where(p => words.All(w => AnswerWords.Normalize(p.Title).Split(' ').Contains(w, StringComparer.Ordinal))).ToList();
    }

    private async Task<IReadOnlyList<Product>> ProductsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var products = new List<Product>();
        foreach (var id in ids)
            if (await catalog.GetAsync(id, cancellationToken) is { } product) products.Add(product);
        return products;
    }

    private string Who(ITurnContext turnContext, AgeRange age) =>
        age.Max == 0 ? voice.Line(turnContext, ProductQuestionText.ABaby)
        : age.Min == age.Max ? voice.Line(turnContext, ProductQuestionText.AYearOld, "age", Number(age.Min))
        : voice.Line(turnContext, ProductQuestionText.AgedBetween, new Dictionary<string, string?> { ["from"] = Number(age.Min), ["to"] = Number(age.Max) });

    // The cheapest or dearest in stock of everything the words name, not only of the first few found.
    private async Task<bool> AnswerSuperlativeAsync(ITurnContext turnContext, ProductQuestion question, CancellationToken cancellationToken)
    {
        var all = await catalog.FindByNameAsync(question.Name, int.MaxValue, cancellationToken);
        if (all.Count == 0) all = await catalog.FindByNameAsync(question.WithoutGenericWords, int.MaxValue, cancellationToken);
        var inStock = all.Where(p => p.IsInStock).ToList();
        if (inStock.Count == 0)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, ProductQuestionText.OutOfStock, "product", all[0].Title)), cancellationToken);
            await ShowAsync(turnContext, [all[0]], cancellationToken);
            return true;
        }
        var product = question.Cheapest ? inStock[0] : inStock[^1];
        await turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, question.Cheapest ? ProductQuestionText.Cheapest : ProductQuestionText.Dearest,
            new Dictionary<string, string?> { ["product"] = product.Title, ["price"] = Price(turnContext, product) })), cancellationToken);
        await ShowAsync(turnContext, [product], cancellationToken);
        return true;
    }

    // "How much is it?" right after one product's card, or after a question about one card of several, is about that
    // product; otherwise the shopper is asked which one,
    // never shown the delivery price for "price" nor a gift search for "stock".
    private async Task<bool> AnswerUnnamedAsync(ITurnContext turnContext, ProductQuestion question, CancellationToken cancellationToken)
    {
        var last = await shown.LastAsync(turnContext, cancellationToken);
        var meant = last.Count == 1 ? last[0] : await shown.InFocusAsync(turnContext, cancellationToken);
        if (meant is not null && await catalog.GetAsync(meant, cancellationToken) is { } product)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Facts(turnContext, question, product)), cancellationToken);
            return true;
        }
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, ProductQuestionText.WhichProduct),
            [QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
        return true;
    }

    // "How much is the second one?": a card of the last carousel by its place ("it" after one card: see AnswerUnnamedAsync).
    private async Task<Product?> ShownCardNamedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var last = await shown.LastAsync(turnContext, cancellationToken);
        if (last.Count < 2) return null;
        return ShownPositions.Named(turnContext, voice, turnContext.Activity.Text, last.Count) is { } index
            ? await catalog.GetAsync(last[index], cancellationToken) : null;
    }

    /// <summary>
    /// Each fact asked, in the order what it is, age, price, stock; stock alone when the question asked none (it named the
    /// product only). "Tell me more" asks what it is, for whom and for how much.
    /// </summary>
    private string Facts(ITurnContext turnContext, ProductQuestion question, Product product)
    {
        var facts = new List<string>();
        if (question.Details)
            facts.Add(voice.Line(turnContext, product.HasNoUpperAge ? ProductQuestionText.DetailsFrom : ProductQuestionText.Details, new Dictionary<string, string?>
            {
                ["product"] = product.Title, ["description"] = Sentence(product.Description), ["from"] = Number(product.MinAge), ["to"] = Number(product.MaxAge),
                ["price"] = Price(turnContext, product),
            }));
        else if (question.Ages)
            facts.Add(product.HasNoUpperAge
                ? voice.Line(turnContext, ProductQuestionText.AgesFrom, new Dictionary<string, string?> { ["product"] = product.Title, ["from"] = Number(product.MinAge) })
                : voice.Line(turnContext, ProductQuestionText.Ages, new Dictionary<string, string?> { ["product"] = product.Title, ["from"] = Number(product.MinAge), ["to"] = Number(product.MaxAge) }));
        if (question.Price && !question.Details)
            facts.Add(voice.Line(turnContext, ProductQuestionText.Price, new Dictionary<string, string?> { ["product"] = product.Title, ["price"] = Price(turnContext, product) }));
        if (question.Stock || !product.IsInStock)
            facts.Add(voice.Line(turnContext, product.IsInStock ? ProductQuestionText.InStock : ProductQuestionText.OutOfStock, "product", product.Title));
        return string.Join(' ', facts);
    }

    private Task ShowAsync(ITurnContext turnContext, IReadOnlyList<Product> products, CancellationToken cancellationToken, bool remember = true) =>
        presenter.ShowProductsAsync(turnContext, products, cancellationToken, remember);

    // A word of the name shares its stem (first five letters) with a word of the entry's question, phrasings or answer.
    private bool NamesFaqTopic(ITurnContext turnContext, string? topic, string name)
    {
        if (topic is null || faq.Find(topic) is not { } entry) return false;
        var entryWords = entry.AllPhrasings(faq.DefaultLocale).Append(faq.AnswerFor(entry, text, BotVoice.LocaleOf(turnContext)))
            .SelectMany(phrase => AnswerWords.Normalize(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        return AnswerWords.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3).Any(w => entryWords.Contains(Stem(w)));
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5] : word;

    private static string[] NameWords(ProductQuestion question) =>
        ProductText.WithoutAccents(question.WithoutGenericWords.Length > 0 ? question.WithoutGenericWords : question.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // The words of the name no product found holds in its title or description: all of them when the products were found by
    // a theme alone ("lego"), some when by the other words only ("millennium", "falcon" of "the lego millennium falcon").
    private static List<string> WordsNoneHas(ProductQuestion question, IReadOnlyList<Product> found)
    {
        var texts = found.Select(p => ProductText.WithoutAccents(p.Title + " " + p.Description)).ToList();
        return NameWords(question).Where(word => !texts.Any(text => ProductText.Mentions(text, word))).ToList();
    }

    // A word no theme is called either: "lego" names the brick sets' theme, "falcon" nothing.
    private static bool NamesNoTheme(IEnumerable<string> words, IReadOnlyList<InterestTheme> themes)
    {
        var themeWords = themes.Select(t => ProductText.WithoutAccents(string.Join(" ", [t.Name, t.DisplayName, .. t.Synonyms]))).ToList();
        return words.Any(word => !themeWords.Any(theme => ProductText.Mentions(theme, word)));
    }

    private static bool NamesAll(Product product, ProductQuestion question)
    {
        var name = question.WithoutGenericWords.Length > 0 ? question.WithoutGenericWords : question.Name;
        return ProductText.Mentions(ProductText.WithoutAccents(product.Title + " " + product.Description), ProductText.WithoutAccents(name));
    }

    private string Price(ITurnContext turnContext, Product product) => words.Money(turnContext, product.Price, product.Currency);

    // A feed's description may end without a full stop; the line goes on after it.
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?".Contains(trimmed[^1]) ? trimmed : trimmed + ".";
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
