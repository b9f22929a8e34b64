namespace GiftBot.Content.Tests;

public class FaqCatalogTests
{
    private static readonly BotContent Content = BotContent.Load(BotContent.ResolveRoot("content"));

    [Fact]
    public void ShippedFaq_CoversTheShopsCommonQuestions()
    {
        string[] expected = ["shipping-times", "shipping-cost", "returns", "order-tracking", "gift-wrapping", "payment-methods",
            "stores-and-hours", "age-and-safety", "international-delivery", "gift-cards", "warranty", "contact", "privacy", "assistant"];

        Assert.Equal(expected, Content.Faq.Entries.Select(e => e.Id));
        Assert.All(Content.Faq.Entries, e => Assert.InRange(e.Buttons.Count, 1, FaqEntry.MaxButtons));
        Assert.Contains("order problem", Content.Faq.Find("order-tracking")!.Tags);
    }

    [Fact]
    public void Answer_ResolvesPageTokens()
    {
        var tokens = new Dictionary<string, string?> { ["phone"] = Content.Page.Phone, ["website"] = Content.Page.Website, ["opening_hours"] = "Mon–Fri 9:00–17:30" };

        var answer = Content.Faq.AnswerFor(Content.Faq.Find("contact")!, Content.Text, "en-US", tokens)!;

        Assert.Contains(Content.Page.Phone!, answer);
        Assert.Contains("Mon–Fri 9:00–17:30", answer);
        Assert.DoesNotContain("{{", answer);
    }

    [Fact]
    public void Phrasings_ArePerLocale_AndIncludeTheQuestion()
    {
        var entry = Content.Faq.Find("returns")!;

        var french = entry.PhrasingsFor("fr_CA", "en-US");
        var all = entry.AllPhrasings("en-US");

        Assert.Equal(entry.Question.Get("fr-FR", "en-US"), french[0]);
        Assert.Contains("politique de retour", french);
        Assert.DoesNotContain("return policy", french);
        Assert.Contains("return policy", all);
        Assert.Contains("politique de retour", all);
    }

    [Fact]
    public void NewEntry_IsAnsweredWithoutCodeChange_IncludingAnswerKeysAndPostbackButtons()
    {
        using var content = new TempContent();
        content.Write("faq.json", """
            {"entries": [{
              "id": "click-and-collect",
              "question": "Can I collect my order in a shop?",
              "phrasings": ["click and collect", "pick up in store"],
              "answerKey": "faq.clickAndCollect",
              "imageUrl": "https://www.littlewonders.example/images/collect.png",
              "buttons": [{"title": "Find a gift", "payload": "START_OVER"}, {"title": {"en-US": "Our shops"}, "url": "https://www.littlewonders.example/shops"}],
              "tags": ["shops"]
            }]}
            """);
        content.Write("text/en-US/faq.json", """{"faq": {"clickAndCollect": "Yes, collect it from {{page_name}} the next day."}}""");
        var loaded = BotContent.Load(content.Root);

        var entry = Assert.Single(loaded.Faq.Entries);
        var answer = loaded.Faq.AnswerFor(entry, loaded.Text, "fr-FR", new Dictionary<string, string?> { ["page_name"] = "Little Wonders" });

        Assert.Equal("Yes, collect it from Little Wonders the next day.", answer);
        Assert.Equal(["Can I collect my order in a shop?", "click and collect", "pick up in store"], entry.PhrasingsFor("en-US", "en-US"));
        Assert.Equal("START_OVER", entry.Buttons[0].Payload);
        Assert.True(entry.Buttons[1].IsLink);
        Assert.Equal("Our shops", entry.Buttons[1].Title.Resolve(loaded.Text, "fr-FR", "en-US"));
    }

    [Fact]
    public void MalformedFaq_IsRejected_NamingTheFileAndEntry()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [{"id": "x", "question": "Q?", "answer": "A."}, {"question": "No id?"}]}""");

        var ex = Assert.Throws<ContentLoadException>(() => BotContent.Load(content.Root));

        Assert.EndsWith("faq.json", ex.File);
        Assert.Equal("entries[1].id", ex.Path);
    }
}
