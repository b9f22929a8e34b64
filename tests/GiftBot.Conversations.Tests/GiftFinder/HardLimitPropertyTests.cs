using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.GiftFinder;

/// <summary>
/// Whatever a shopper writes, every product the bot shows fits the stated age, is within the stated budget and is in
/// stock: many generated one-sentence requests (ages 0-99, budgets, recipients, interests in and outside the theme
/// list, several ways of writing each) go through the real recognizer, dialogs and catalog.
/// </summary>
[Collection(ConversationCollection.Name)]
public sealed class HardLimitPropertyTests(ConversationFixture fixture)
{
    private static readonly string[] Interests =
        ["space", "dinosaurs", "trucks", "minecraft", "unicorns", "board games", "magic tricks", "knitting", "fishing", "football",
         "cooking", "drawing", "robots", "horses", "music", "photography", "yoga", "accountancy", "lego", "the ocean"];
    private static readonly string[] ChildRecipients = ["nephew", "niece", "son", "daughter", "grandson", "granddaughter", "godson", "cousin"];
    private static readonly string[] AdultRecipients = ["wife", "husband", "partner", "grandpa", "mum", "mom", "dad", "boss", "colleague", "best friend"];

    [Fact]
    public async Task EveryProductShown_FitsTheStatedAgeBudgetAndStock()
    {
        var random = new Random(20261204);
        var bot = new BotHarness(fixture);
        var carousels = 0;
        for (var i = 0; i < 120; i++)
        {
            var (text, age, adult, budget) = Request(random);
            var replies = await bot.Chat().SendAsync(text);
            var cards = replies.Where(r => r.AttachmentLayout == Microsoft.Bot.Schema.AttachmentLayoutTypes.Carousel).SelectMany(r => r.HeroCards()).ToList();
            if (cards.Count > 0) carousels++;
            foreach (var card in cards)
            {
                var product = (await bot.Catalog.GetAsync(card.ProductId()))!;
                Assert.True(product.IsInStock, $"{product.Id} is out of stock ({text})");
                Assert.True(product.Price <= budget, $"{product.Id} at {product.Price} is over {budget} ({text})");
                // Several stated ages ("my 5 and 8 year old"): the product fits every one of them.
                if (age is { } a) Assert.True(product.MinAge <= a.Min && product.MaxAge >= a.Max, $"{product.Id} ({product.MinAge}-{product.MaxAge}) does not fit {a} ({text})");
                if (adult) Assert.True(product.MaxAge >= 18, $"{product.Id} ({product.MinAge}-{product.MaxAge}) shown for an adult ({text})");
            }
        }
        // The property is only worth something if most requests reached products.
        Assert.True(carousels >= 80, $"only {carousels} of 120 requests reached a carousel");
    }

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
        var text = random.Next(4) switch
        {
            0 => $"for my {child}, {age}, who loves {interest}, {money}",
            1 => $"my {child} ({age}) is into {interest}, {money}",
            2 => $"a {age} year old who loves {interest}, {money}",
            _ => $"{money} for my {age} yo {child}, mad about {interest}",
        };
        return (text, (age, age), false, budget);
    }
}
