using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Whatever a shopper writes, every product the bot shows fits the stated age, is within the stated budget, is in
/// stock and carries no theme the shopper ruled out: many generated one-sentence requests (ages 0-99 written several
/// ways, budgets, recipients, interests in and outside the theme list, one or two exclusions written many ways and put
/// before the budget, after it or in brackets) go through the real recognizer, dialogs and catalog. A kind of thing ruled
/// out or already owned ("he has a chess set so not that", "no plushies") is never named by a product shown.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class HardLimitPropertyTests(ConversationFixture fixture)
{
    private static readonly string[] Interests =
        ["space", "dinosaurs", "trucks", "minecraft", "unicorns", "board games", "magic tricks", "knitting", "fishing", "football",
         "cooking", "drawing", "robots", "horses", "music", "photography", "yoga", "accountancy", "lego", "the ocean"];
    private static readonly string[] ChildRecipients = ["nephew", "niece", "son", "daughter", "grandson", "granddaughter", "godson", "cousin"];
    private static readonly string[] AdultRecipients = ["wife", "husband", "partner", "grandpa", "mum", "mom", "dad", "boss", "colleague", "best friend"];

    /// <summary>Ways of naming a theme to rule out, each with the theme it rules out.</summary>
    private static readonly (string Words, string Theme)[] RuledOut =
        [("books", "reading"), ("puzzles", "puzzles"), ("lego", "building"), ("screens", "tech"), ("clothes", "fashion"), ("dinosaurs", "dinosaurs"), ("tablets", "tech"),
         ("video games", "gaming"), ("princess stuff", "fairy-tales"), ("sport", "sports"), ("noisy toys", "music"), ("slime", "crafts"),
         ("jigsaws", "puzzles"), ("gadgets", "tech"), ("makeup", "fashion"), ("board games", "gaming"), ("paints", "art"), ("cars", "cars")];

    /// <summary>Ways of ruling something out: "{0}" is the thing, "{1}" a second one where the form has two.</summary>
    private static readonly string[] Exclusions =
        ["no {0} please", "nothing with {0}", "anything but {0}", "(no {0})", "{0}? no thanks", "NOT: {0}", "not into {0}", "she hates {0}",
         "except {0}", "zero interest in {0}", "already has every {0} going", "neither {0} nor {1}", "no {0} and no {1}", "{0} are a no-go",
         "not {0}, not {1}", "avoid {0} or {1}", "he's gone off {0}", "we're sick of {0}", "no {0}, {1} or lego", "{0}/{1} - no", "{0} are out", "less {0} please", "cut back on the {0}", "sick to death of {0}"];

    /// <summary>Kinds of thing a shopper rules out inside any theme, each with the word no product shown may name.</summary>
    private static readonly (string Words, string Word)[] RuledOutKinds =
        [("a chess set", "chess"), ("a telescope", "telescope"), ("a scooter", "scooter"), ("plushies", "plush"), ("slime", "slime"),
         ("a karaoke microphone", "microphone"), ("a marble run", "marble run"), ("the sushi kit", "sushi")];

    /// <summary>Ways of ruling a kind of thing out or saying it is owned: "{0}" is the thing.</summary>
    private static readonly string[] KindExclusions =
        ["he has {0} so not that", "she's got {0}, so no", "already has {0}", "{0} she's got", "not {0}", "{0} is banned", "no {0} please", "(no {0})"];

    [Fact]
    public async Task EveryProductShown_FitsTheStatedAgeBudgetStockAndExclusions()
    {
        var random = new Random(20261204);
        // Kinds of thing are drawn apart, so the requests the first generator writes stay the same.
        var kinds = new Random(20261207);
        var bot = new BotHarness(fixture);
        var carousels = 0;
        for (var i = 0; i < 160; i++)
        {
            var (request, age, adult, budget) = Request(random);
            var (text, excluded) = random.Next(3) == 0 ? (request, Array.Empty<string>()) : WithExclusion(random, request);
            var ruledOutWord = (string?)null;
            if (kinds.Next(3) == 0)
            {
                var kind = RuledOutKinds[kinds.Next(RuledOutKinds.Length)];
                ruledOutWord = kind.Word;
                text = Place(kinds, text, KindExclusions[kinds.Next(KindExclusions.Length)].Replace("{0}", kind.Words, StringComparison.Ordinal));
            }
            // Each request is a new shopper's first message, as the language benchmark sends them.
            var replies = await bot.Chat(conversationId: "shopper-" + i, userId: "shopper-" + i).SendAsync(text);
            var cards = replies.Where(r => r.AttachmentLayout == Microsoft.Bot.Schema.AttachmentLayoutTypes.Carousel).SelectMany(r => r.HeroCards()).ToList();
            if (cards.Count > 0) carousels++;
            // "7 and 9, 30 each" with nothing that fits both: a gift for each, the bot says it starts with one of them.
            var oneChildFirst = age is { } several && several.Min != several.Max && replies.Texts().Any(t => t.StartsWith(OneChildFirstOpening(bot), StringComparison.Ordinal));
            foreach (var card in cards)
            {
                var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
                Assert.True(product.IsInStock, $"{product.Id} is out of stock ({text})");
                Assert.True(product.Price <= budget, $"{product.Id} at {product.Price} is over {budget} ({text})");
                // Several stated ages ("my 5 and 8 year old"): the product fits every one of them, or, a gift each, one of them.
                if (age is { } a && oneChildFirst) Assert.True(product.MinAge <= a.Min && product.MaxAge >= a.Min || product.MinAge <= a.Max && product.MaxAge >= a.Max, $"{product.Id} ({product.MinAge}-{product.MaxAge}) fits neither of {a} ({text})");
                else if (age is { } b) Assert.True(product.MinAge <= b.Min && product.MaxAge >= b.Max, $"{product.Id} ({product.MinAge}-{product.MaxAge}) does not fit {b} ({text})");
                if (adult) Assert.True(product.MaxAge >= 18, $"{product.Id} ({product.MinAge}-{product.MaxAge}) shown for an adult ({text})");
                foreach (var theme in excluded) Assert.False(product.Interests.Contains(theme), $"{product.Id} ({string.Join('|', product.Interests)}) shown though {theme} was ruled out ({text})");
                if (ruledOutWord is not null) Assert.False(GiftBot.Testing.ProductText.Names(product.Title + " " + product.Description, ruledOutWord), $"{product.Id} {product.Title} shown though {ruledOutWord} was ruled out ({text})");
            }
        }
        // The property is only worth something if most requests reached products.
        Assert.True(carousels >= 100, $"only {carousels} of 160 requests reached a carousel");
    }

    private static string OneChildFirstOpening(BotHarness bot) =>
        bot.Text(Conversations.GiftFinder.GiftFinderText.OneChildFirst, "interests", "\u0001").Split('\u0001')[0];

    /// <summary>The request with one or two things ruled out, written one of <see cref="Exclusions"/>' ways, before the budget, after it or in the middle.</summary>
    private static (string Text, string[] Excluded) WithExclusion(Random random, string request)
    {
        var form = Exclusions[random.Next(Exclusions.Length)];
        var first = RuledOut[random.Next(RuledOut.Length)];
        var second = RuledOut[random.Next(RuledOut.Length)];
        var words = form.Replace("{0}", first.Words, StringComparison.Ordinal).Replace("{1}", second.Words, StringComparison.Ordinal);
        var excluded = (form.Contains("{1}", StringComparison.Ordinal) ? new[] { first.Theme, second.Theme } : [first.Theme])
            .Concat(form.Contains("lego", StringComparison.Ordinal) ? ["building"] : []).ToArray();
        // What they love is kept only when it is not ruled out too (else the request contradicts itself).
        if (Interests.Any(interest => request.Contains(interest, StringComparison.Ordinal) && Themed(interest) is { } theme && excluded.Contains(theme)))
            request = Interests.Aggregate(request, (text, interest) => Themed(interest) is { } theme && excluded.Contains(theme) ? text.Replace(interest, "animals", StringComparison.Ordinal) : text);
        return (Place(random, request, words), excluded);
    }

    /// <summary>The words put before the request, after it or after its first comma.</summary>
    private static string Place(Random random, string request, string words)
    {
        var comma = request.IndexOf(", ", StringComparison.Ordinal);
        return random.Next(3) switch
        {
            0 => $"{words}, {request}",
            1 => $"{request}, {words}",
            _ => comma < 0 ? $"{request} {words}" : $"{request[..comma]}, {words}{request[comma..]}",
        };
    }

    /// <summary>The theme an interest of <see cref="Interests"/> names by the theme list's own words, if any.</summary>
    private static string? Themed(string interest) => interest switch
    {
        "space" => "space", "dinosaurs" => "dinosaurs", "trucks" => "cars", "minecraft" => "gaming", "unicorns" => "fairy-tales",
        "board games" => "gaming", "magic tricks" => "fairy-tales", "knitting" => "crafts", "fishing" => "outdoors", "football" => "sports",
        "cooking" => "cooking", "drawing" => "art", "robots" => "robots", "horses" => "animals", "music" => "music", "photography" => "tech",
        "yoga" => "wellness", "lego" => "building", "the ocean" => "ocean", _ => null,
    };

    private static (string Text, (int Min, int Max)? Age, bool Adult, decimal Budget) Request(Random random)
    {
        var interest = Interests[random.Next(Interests.Length)];
        var budget = (decimal)random.Next(8, 151);
        var money = random.Next(5) switch
        {
            0 => $"under {budget}",
            1 => $"{budget} max",
            2 => $"no more than {budget} euros",
            3 => $"around {budget} max",
            _ => $"budget {budget}",
        };
        if (random.Next(3) == 0)
        {
            var adult = AdultRecipients[random.Next(AdultRecipients.Length)];
            return (random.Next(2) == 0 ? $"a gift for my {adult} who loves {interest}, {money}" : $"my {adult} is into {interest}, {money}", null, true, budget);
        }
        if (random.Next(4) == 0)
        {
            var younger = random.Next(1, 14);
            var older = younger + random.Next(1, 5);
            var several = random.Next(4) switch
            {
                0 => $"my {younger} and {older} year old both love {interest}, {money} each",
                1 => $"my grandkids ({younger} and {older}) are into {interest}, {money} each",
                2 => $"a {younger}-{older} year old who loves {interest}, {money}",
                _ => $"two kids aged {younger} and {older}, mad about {interest}, {money} each",
            };
            return (several, (younger, older), false, budget);
        }
        var age = random.Next(0, 100);
        var child = ChildRecipients[random.Next(ChildRecipients.Length)];
        var text = random.Next(9) switch
        {
            0 => $"for my {child}, {age}, who loves {interest}, {money}",
            1 => $"my {child} ({age}) is into {interest}, {money}",
            2 => $"a {age} year old who loves {interest}, {money}",
            3 => $"my {child} is {age} and a half and loves {interest}, {money}",
            4 => $"my {child} ({age} next month) loves {interest}, {money}",
            5 => $"{child} just turned {age}, into {interest}, {money}",
            6 => $"Sam ({age}) loves {interest}, {money}",
            7 => $"{age}yo {child} {interest} {money}",
            _ => $"{money} for my {age} yo {child}, mad about {interest}",
        };
        return (text, (age, age), false, budget);
    }
}
