namespace GiftBot.Content.Tests;

/// <summary>Each kind of problem the content check must catch, introduced into a copy of the shipped content.</summary>
public class ContentCheckerTests
{
    private const string Persona = "text/en-US/persona.json";
    private const string Thanks = "\"thanks\": \"You're welcome! Happy gifting.\"";

    private static ContentFinding SingleError(TempContent content, string path)
    {
        var errors = content.Errors();
        return Assert.Single(errors, e => e.Path == path);
    }

    [Fact]
    public void CopyOfShippedContent_HasNoErrors()
    {
        using var content = new TempContent();
        Assert.Empty(content.Errors());
    }

    [Fact]
    public void MessageOver2000Characters_IsAnError()
    {
        using var content = new TempContent();
        content.Replace(Persona, Thanks, $"\"thanks\": \"{new string('a', 2001)}\"");

        Assert.Contains("Messenger allows 2000", SingleError(content, "persona.thanks").Message);
    }

    [Fact]
    public void QuickReplyAndButtonTitlesOver20Characters_AreErrors_ByKeyConvention()
    {
        using var content = new TempContent();
        content.Write("text/en-US/menu.json", """{"menu": {"quickReplies": {"findGift": "Find the perfect present"}, "buttons": {"shop": "Shop"}}}""");

        Assert.Contains("quick reply title", SingleError(content, "menu.quickReplies.findGift").Message);
        Assert.DoesNotContain(content.Errors(), e => e.Path == "menu.buttons.shop");
    }

    [Fact]
    public void LengthCountsTokenValues_AsMessengerWillSeeThem()
    {
        using var content = new TempContent();
        content.Write("text/en-US/menu.json", """{"menu": {"buttons": {"call": "Visit {{page_name}}!"}}}""");

        Assert.Contains("with tokens filled in", SingleError(content, "menu.buttons.call").Message); // 21 with "Little Wonders" filled in
    }

    [Theory]
    [InlineData("Thanks {{frist_name}}!", "unknown token {{frist_name}}")]
    [InlineData("Thanks {{first_name!", "unclosed or malformed token")]
    [InlineData("Thanks {first_name}}!", "unclosed or malformed token")]
    [InlineData("Thanks {{first_name}!", "unclosed or malformed token")]
    public void UnknownAndUnclosedTokens_AreErrors(string line, string expected)
    {
        using var content = new TempContent();
        content.Replace(Persona, Thanks, $"\"thanks\": \"{line}\"");

        Assert.Contains(expected, SingleError(content, "persona.thanks").Message);
    }

    [Fact]
    public void TokensDeclaredByAFile_AreAllowedInThatFileInEveryLocale()
    {
        using var content = new TempContent();
        content.Write("text/en-US/gift-finder.json", """{"$tokens": ["recipient"], "giftFinder": {"askAge": "How old is {{recipient}}?"}}""");
        content.Write("text/fr-FR/gift-finder.json", """{"giftFinder": {"askAge": "Quel âge a {{recipient}} ?"}}""");
        content.Write("text/en-US/other.json", """{"other": {"line": "For {{recipient}}"}}""");

        Assert.Equal(["other.line"], content.Errors().Select(e => e.Path));
    }

    [Fact]
    public void KeyMissingInAnotherLocale_IsAWarning_AndMissingInTheDefault_IsAnError()
    {
        using var content = new TempContent();
        content.Write("text/en-US/extra.json", """{"extra": {"a": "One", "b": "Two"}}""");
        content.Write("text/fr-FR/extra.json", """{"extra": {"a": "Un", "c": "Trois"}}""");

        var findings = content.Check();

        Assert.Equal(FindingSeverity.Warning, Assert.Single(findings, f => f.Path == "extra.b").Severity);
        Assert.Equal(FindingSeverity.Error, Assert.Single(findings, f => f.Path == "extra.c").Severity);
    }

    [Fact]
    public void WholeFileMissingInAnotherLocale_IsOneWarning()
    {
        using var content = new TempContent();
        content.Delete("text/fr-FR/hours.json");

        var finding = Assert.Single(content.Check(), f => f.File == "text/fr-FR/hours.json");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void RequiredLineMissingInTheDefaultLocale_IsAnError()
    {
        using var content = new TempContent();
        content.Replace("text/en-US/hours.json", "\"tomorrow\": \"tomorrow at {{time}}\",", "");

        var errors = content.Errors().Where(e => e.Path == "hours.backAt.tomorrow").ToList();

        Assert.Contains(errors, e => e.File == "text/en-US" && e.Message.Contains("the bot needs this line"));
        Assert.Contains(errors, e => e.File == "text/fr-FR/hours.json" && e.Message.Contains("no en-US (default locale) text"));
    }

    [Fact]
    public void WelcomeWithoutVirtualAssistantDisclosure_IsAnError_InEachLocale()
    {
        using var content = new TempContent();
        content.Replace("text/fr-FR/persona.json", "l'assistant virtuel de {{page_name}}", "le vendeur de {{page_name}}");

        var error = SingleError(content, "persona.welcome");
        Assert.Equal("text/fr-FR/persona.json", error.File);
        Assert.Contains("assistant virtuel", error.Message);
    }

    [Fact]
    public void FaqEntryWithoutAnswer_IsAnError()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [{"id": "a", "question": "Q?", "phrasings": ["q"]}, {"id": "b", "question": "Q?", "answer": {"fr-FR": "Réponse"}}]}""");

        Assert.Contains("every question needs an answer", SingleError(content, "entries[0].answer").Message);
        Assert.Contains("default locale", SingleError(content, "entries[1].answer").Message);
    }

    [Fact]
    public void FaqAnswerKeyThatDoesNotExist_IsAnError()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [{"id": "a", "question": "Q?", "answerKey": "faq.nope"}]}""");

        Assert.Contains("faq.nope", SingleError(content, "entries[0].answerKey").Message);
    }

    [Fact]
    public void FaqEntryWithMoreThanThreeButtons_IsAnError()
    {
        using var content = new TempContent();
        var button = """{"title": "Shop", "url": "https://www.littlewonders.example"}""";
        content.Write("faq.json", $$"""{"entries": [{"id": "a", "question": "Q?", "answer": "A.", "buttons": [{{button}}, {{button}}, {{button}}, {{button}}]}]}""");

        Assert.Contains("4 buttons", SingleError(content, "entries[0].buttons").Message);
    }

    [Theory]
    [InlineData("""{"title": "Shop", "url": "www.littlewonders.example"}""", "entries[0].buttons[0].url")]
    [InlineData("""{"title": "Shop", "url": "javascript:alert(1)"}""", "entries[0].buttons[0].url")]
    [InlineData("""{"title": "Shop"}""", "entries[0].buttons[0]")]
    [InlineData("""{"title": "Shop", "url": "https://a.example", "payload": "START_OVER"}""", "entries[0].buttons[0]")]
    [InlineData("""{"title": "Shop at our lovely store", "payload": "START_OVER"}""", "entries[0].buttons[0].title")]
    public void InvalidFaqButtons_AreErrors(string button, string path)
    {
        using var content = new TempContent();
        content.Write("faq.json", $$"""{"entries": [{"id": "a", "question": "Q?", "answer": "A.", "buttons": [{{button}}]}]}""");

        SingleError(content, path);
    }

    [Fact]
    public void InvalidUrls_InPersonaPageAndFaqImages_AreErrors()
    {
        using var content = new TempContent();
        content.Replace("persona.json", "https://www.littlewonders.example/images/pip-avatar.png", "http://www.littlewonders.example/pip.png");
        content.Replace("page.json", "https://www.littlewonders.example", "littlewonders");
        content.Write("faq.json", """{"entries": [{"id": "a", "question": "Q?", "answer": "A.", "imageUrl": "ftp://x.example/a.png"}]}""");

        Assert.Equal(["avatarUrl", "entries[0].imageUrl", "website"], content.Errors().Select(e => e.Path).Distinct().Order());
    }

    [Fact]
    public void DuplicateFaqIds_AreAnError()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [{"id": "returns", "question": "Q?", "answer": "A."}, {"id": "Returns", "question": "Q2?", "answer": "A2."}]}""");

        Assert.Contains("must be unique", SingleError(content, "entries[1].id").Message);
    }

    [Theory]
    [InlineData("""{"pattern": "(\\d{5", "noted": "Noted {{reference}}.", "note": "Order {{reference}}"}""", "entries[0].reference.pattern")]
    [InlineData("""{"pattern": "\\d*", "noted": "Noted {{reference}}.", "note": "Order {{reference}}"}""", "entries[0].reference.pattern")]
    [InlineData("""{"pattern": "\\d{5}", "note": "Order {{reference}}"}""", "entries[0].reference.noted")]
    [InlineData("""{"pattern": "\\d{5}", "noted": "Noted {{order}}.", "note": "Order {{reference}}"}""", "entries[0].reference.noted")]
    public void InvalidFaqReference_IsAnError(string reference, string path)
    {
        using var content = new TempContent();
        content.Write("faq.json", $$"""{"entries": [{"id": "a", "question": "Q?", "answer": "A.", "reference": {{reference}}}]}""");

        SingleError(content, path);
    }

    [Fact]
    public void ShippedOrderTracking_AsksForAnOrderNumber_ThatLooksLikeTheShops()
    {
        var reference = BotContent.Load(BotContent.ResolveRoot("content")).Faq.Find("order-tracking")!.Reference!;

        Assert.Equal("48213", reference.FindIn("where is my order #48213?"));
        Assert.Equal("LW-220417", reference.FindIn("it's lw-220417".ToUpperInvariant()));
        Assert.Null(reference.FindIn("call me on 0871234567"));
        Assert.Null(reference.FindIn("budget 30, he's 8"));
    }

    [Fact]
    public void MalformedJson_IsReported_AndTheOtherFilesAreStillChecked()
    {
        using var content = new TempContent();
        content.Write("faq.json", """{"entries": [ {"id": "a", """);
        content.Replace(Persona, Thanks, "\"thanks\": \"Thanks {{oops}}\"");

        var errors = content.Errors();

        Assert.Contains(errors, e => e.File == "faq.json" && e.Message.Contains("not valid JSON"));
        Assert.Contains(errors, e => e.Path == "persona.thanks");
    }

    [Fact]
    public void MessengerProfileOfTheMessengerHelper_IsCheckedForLimitsAndTokens()
    {
        using var content = new TempContent();
        content.Write("messenger-profile.json", $$$"""
            {
              "greeting": [{"locale": "default", "text": "Hello {{first_name}}!"}, {"locale": "fr_FR", "text": "{{{new string('x', 161)}}}"}],
              "persistent_menu": [{"locale": "default", "call_to_actions": [{"type": "postback", "title": "Talk to a person right now please", "payload": "TALK_TO_HUMAN"}]}],
              "ice_breakers": [{"call_to_actions": [{"question": "Hi {{user_first_name}}", "payload": "GET_STARTED"}], "locale": "default"}],
              "whitelisted_domains": ["not a url"]
            }
            """);

        var errors = content.Errors().Where(e => e.File == "messenger-profile.json").ToList();

        Assert.Contains(errors, e => e.Path == "greeting[0].text" && e.Message.Contains("{{user_first_name}}"));
        Assert.Contains(errors, e => e.Path == "greeting[1].text" && e.Message.Contains("160"));
        Assert.Contains(errors, e => e.Path == "persistent_menu[0].call_to_actions[0].title" && e.Message.Contains("30"));
        Assert.Contains(errors, e => e.Path == "whitelisted_domains[0]");
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void EntryPointsAndCatalogThemes_AreCheckedWhenPresent()
    {
        using var content = new TempContent();
        content.Write("entry-points.json", """{"presets": [{"ref": "xmas", "welcome": {"en-US": "Hi {{first_name}}! {{unknown}}"}, "quickReplies": [{"title": "Gifts for grandparents"}]}]}""");
        content.Write("catalog/themes.csv", "theme,label,synonyms\nspace,Space,\"rockets, planets\"\ndino,Dinosaurs and prehistoric life,\"t-rex\"\n");

        var errors = content.Errors();

        Assert.Contains(errors, e => e.File == "entry-points.json" && e.Message.Contains("{{unknown}}"));
        Assert.Contains(errors, e => e.File == "entry-points.json" && e.Path == "presets[0].quickReplies[0].title");
        Assert.Contains(errors, e => e.File == "catalog/themes.csv" && e.Path == "line 3, label");
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void RecipientAgeBands_AreChecked()
    {
        using var content = new TempContent();
        content.Write("language/recipient-ages.json", """
            { "bands": [
              { "band": "adult", "min": 18, "max": 99, "recipients": ["wife", "best friend"] },
              { "band": "grown", "min": 30, "max": 20, "recipients": ["Wife"] },
              { "band": "baby", "min": 0, "max": 200, "recipients": [] } ] }
            """);

        var errors = content.Errors();

        Assert.Contains(errors, e => e.File == "language/recipient-ages.json" && e.Path == "bands[1].band");
        Assert.Contains(errors, e => e.File == "language/recipient-ages.json" && e.Path == "bands[1]" && e.Message.Contains("above max"));
        Assert.Contains(errors, e => e.File == "language/recipient-ages.json" && e.Path == "bands[1].recipients" && e.Message.Contains("adult"));
        Assert.Contains(errors, e => e.File == "language/recipient-ages.json" && e.Path == "bands[2].max");
        Assert.Contains(errors, e => e.File == "language/recipient-ages.json" && e.Path == "bands[2].recipients");
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void RecipientAgeOccasions_MustBeLexiconOccasions()
    {
        using var content = new TempContent();
        content.Write("language/lexicon.json", """
            { "version": 1, "recipients": { "wife": ["wife"] }, "occasions": { "retirement": ["retirement"] } }
            """);
        content.Write("language/recipient-ages.json", """
            { "bands": [ { "band": "adult", "min": 18, "max": 99, "recipients": ["wife"], "occasions": ["retirement", "graduation-party"] } ] }
            """);

        var errors = content.Errors().Where(e => e.File == "language/recipient-ages.json").ToList();

        var error = Assert.Single(errors);
        Assert.Equal("bands[0].occasions", error.Path);
        Assert.Contains("graduation-party", error.Message);
    }

    [Fact]
    public void RecipientsWhoseAgeIsSeldomSaid_MustBeLexiconRecipients()
    {
        using var content = new TempContent();
        content.Write("language/lexicon.json", """
            { "version": 1, "recipients": { "colleague": ["coworker"], "wife": ["wife"] }, "occasions": {} }
            """);
        content.Write("language/recipient-ages.json", """
            { "bands": [ { "band": "adult", "min": 18, "max": 99, "recipients": ["wife"] } ], "ageSeldomSaid": ["colleague", "coworker", "colleage"] }
            """);

        var errors = content.Errors().Where(e => e.File == "language/recipient-ages.json").ToList();

        var error = Assert.Single(errors);
        Assert.Equal("ageSeldomSaid", error.Path);
        Assert.Contains("colleage", error.Message);
    }

    [Fact]
    public void AYoungestAgeForAnUnknownRecipientOrOutOfRange_IsAnError()
    {
        using var content = new TempContent();
        content.Write("language/lexicon.json", """
            { "version": 1, "recipients": { "grandfather": ["grandad"], "wife": ["wife"] }, "occasions": {} }
            """);
        content.Write("language/recipient-ages.json", """
            { "bands": [ { "band": "adult", "min": 18, "max": 99, "recipients": ["wife"] } ],
              "youngestAges": [ { "age": 40, "recipients": ["grandfather", "grandda"] }, { "age": 400, "recipients": ["grandad"] } ] }
            """);

        var errors = content.Errors().Where(e => e.File == "language/recipient-ages.json").ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Path == "youngestAges[0].recipients" && e.Message.Contains("grandda"));
        Assert.Contains(errors, e => e.Path == "youngestAges[1].age");
    }

    [Fact]
    public void MissingPersonaFile_IsAnError_NamingIt()
    {
        using var content = new TempContent();
        content.Delete("persona.json");

        Assert.Contains(content.Errors(), e => e.File == "persona.json" && e.Message == "is missing");
    }
}
