using GiftBot.Language.Text;

namespace GiftBot.Language.Tests.Text;

public sealed class ShopperTextTests
{
    [Theory]
    [InlineData("\u001b[31m", "")]
    [InlineData("\u001b[1;31mmy son is 8\u001b[0m", "my son is 8")]
    [InlineData("\u009b31m", "")]
    [InlineData("\u001b]0;title\u0007hi", "hi")]
    [InlineData("lego\u0000\u0007 25", "lego   25")]
    [InlineData("my son is 8", "my son is 8")]
    [InlineData("line one\nline two", "line one\nline two")]
    public void RemovesTerminalEscapes_AndTurnsOtherControlCharactersIntoSpaces(string typed, string understood) =>
        Assert.Equal(understood, ShopperText.Clean(typed));

    [Theory]
    [InlineData("my niece\u200B 7", "my niece 7")]
    [InlineData("\u202Egift for my niece\u202C, 7", "gift for my niece, 7")]
    [InlineData("\uFEFFbirth\u00ADday gift for my son\u200E 8", "birthday gift for my son 8")]
    [InlineData("family 👨\u200D👩\u200D👧 gift", "family 👨\u200D👩\u200D👧 gift")]
    public void RemovesInvisibleCharacters_ButKeepsEmojiJoiners(string typed, string understood) =>
        Assert.Equal(understood, ShopperText.Clean(typed));

    [Theory]
    [InlineData("🎁🎁🎁", false)]
    [InlineData("👍", false)]
    [InlineData("?!  ...", false)]
    [InlineData("", false)]
    [InlineData("8", true)]
    [InlineData("lego 🎁", true)]
    [InlineData("für Oma", true)]
    public void HasWords_OnlyWhenThereIsALetterOrADigit(string text, bool hasWords) =>
        Assert.Equal(hasWords, ShopperText.HasWords(text));
}
