using System.Reflection;
using GiftBot.Content;
using GiftBot.Conversations.Basket;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Main;
using GiftBot.Conversations.Tests.Infrastructure;

namespace GiftBot.Conversations.Tests.Unit;

[Collection(ConversationCollection.Name)]
public sealed class ContentKeyTests(ConversationFixture fixture)
{
    public static TheoryData<string> KeysTheCodeSpeaks()
    {
        var keys = new TheoryData<string>();
        foreach (var type in new[] { typeof(GiftFinderText), typeof(RecommendText), typeof(BasketText), typeof(MainText) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                keys.Add((string)field.GetRawConstantValue()!);
        return keys;
    }

    [Theory]
    [MemberData(nameof(KeysTheCodeSpeaks))]
    public void EveryKeyTheCodeUses_HasTextInTheDefaultLocale(string key) => Assert.True(fixture.Text.Has(key, "en-US"), $"content has no '{key}'");

    [Fact]
    public void EveryOfferedRecipient_HasAButtonTitleAndAPhrase()
    {
        foreach (var recipient in fixture.Text.GetVariants(GiftFinderText.RecipientChoices, "en-US"))
        {
            Assert.True(fixture.Text.Has(GiftFinderText.RecipientTitle(recipient)), recipient);
            Assert.True(fixture.Text.Has(GiftFinderText.RecipientPhraseOf(recipient)), recipient);
        }
    }

    [Fact]
    public void TheContentCheckFindsNoErrorsInTheConversationTexts()
    {
        var errors = ContentChecker.CheckLoaded(fixture.Content)
            .Where(f => f.Severity == FindingSeverity.Error && new[] { "gift-finder.json", "basket.json", "main.json" }.Any(name => f.File.EndsWith(name, StringComparison.Ordinal)))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
