namespace GiftBot.Content.Tests;

internal static class TestDictionaries
{
    /// <summary>
    /// Debian's hunspell-en-us dictionary. The spelling test of the shipped content needs it and fails with the
    /// install command when it is absent (it is never silently skipped).
    /// </summary>
    public static DictionaryLocator System()
    {
        var locator = DictionaryLocator.Default();
        Assert.True(locator.Find("en-US") is not null,
            "The en_US Hunspell dictionary is missing. Install it with: sudo apt-get install hunspell hunspell-en-us");
        return locator;
    }
}
