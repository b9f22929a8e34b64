using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Content.Tests;

public class BotTokensTests
{
    private static readonly BotContent Content = BotContent.Load(BotContent.ResolveRoot("content"));

    // Tuesday 2026-06-09 20:00 in Dublin (UTC+1): the team is away until Wednesday 09:00.
    // Not a holiday: on one, {{opening_hours}} starts with "closed today" (see OpeningHoursTests).
    private static readonly DateTimeOffset OrdinaryTuesday = new(2026, 6, 9, 12, 0, 0, TimeSpan.Zero);

    private static BotTokens At(DateTimeOffset utc) =>
        new(Content.Page, Content.Persona, Content.HoursText, new FakeTimeProvider(utc));

    [Fact]
    public void Greeting_UsesTheShoppersFirstName_WhenTheProfileHasOne()
    {
        var tokens = At(new DateTimeOffset(2026, 6, 9, 19, 0, 0, TimeSpan.Zero)).ForShopper(new ShopperTokens("Anna", "en_US"));

        var welcome = Content.Text.Get("persona.welcome", "en_US", tokens);

        Assert.StartsWith("Hi Anna! I'm " + Content.Persona.Name + ",", welcome);
    }

    [Fact]
    public void Greeting_DegradesGracefully_WithoutAProfile()
    {
        var tokens = At(new DateTimeOffset(2026, 6, 9, 19, 0, 0, TimeSpan.Zero)).ForShopper(new ShopperTokens());

        var welcome = Content.Text.Get("persona.welcome", null, tokens);

        Assert.StartsWith("Hi! I'm " + Content.Persona.Name + ",", welcome);
        Assert.DoesNotContain("{{", welcome);
    }

    [Fact]
    public void PageTokens_ComeFromPageJsonAndHoursJson()
    {
        var tokens = At(OrdinaryTuesday).ForPage("en-US");

        Assert.Equal(Content.Page.PageName("en-US"), tokens[TokenNames.PageName]);
        Assert.Equal(Content.Page.Website, tokens[TokenNames.Website]);
        Assert.Equal(Content.Page.Phone, tokens[TokenNames.Phone]);
        Assert.Equal(Content.Persona.Name, tokens[TokenNames.PersonaName]);
        Assert.Equal("Mon–Fri 9:00–17:30, Sat 10:00–16:00, Sun closed", tokens[TokenNames.OpeningHours]);
    }

    [Fact]
    public void OpeningHoursToken_IsWrittenInTheShoppersLanguage() =>
        Assert.Equal("lun.–ven. 09h00–17h30, sam. 10h00–16h00, dim. fermé", At(OrdinaryTuesday).ForPage("fr-FR")[TokenNames.OpeningHours]);

    [Fact]
    public void AwayLine_SaysWhenTheTeamIsBack_InTheShoppersTimeZone()
    {
        var tokens = At(new DateTimeOffset(2026, 6, 9, 19, 0, 0, TimeSpan.Zero))
            .ForShopper(new ShopperTokens("Anna", "en-US", "America/New_York"));

        var away = Content.Text.Get("persona.away", "en-US", tokens);

        // Wednesday 09:00 in Dublin is 04:00 in New York, which is "tomorrow" there (it is Tuesday 15:00 in New York).
        Assert.Contains(Content.Text.Get("hours.backAt.tomorrow", "en-US", new Dictionary<string, string?> { ["time"] = "4:00" }), away);
    }

    [Fact]
    public void MergedContext_LetsShopperValuesOverridePageValues()
    {
        var merged = At(OrdinaryTuesday).ForPage("en-US").Merge(new Dictionary<string, string?> { ["phone"] = "+353 1 000 0000", ["page_name"] = null });

        Assert.Equal("+353 1 000 0000", merged[TokenNames.Phone]);
        Assert.False(merged.ContainsKey(TokenNames.PageName));
    }
}
