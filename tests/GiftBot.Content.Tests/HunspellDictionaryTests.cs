namespace GiftBot.Content.Tests;

/// <summary>A tiny dictionary written by the test, so spelling is tested on every machine (with or without hunspell-en-us).</summary>
public sealed class HunspellDictionaryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-dic-" + Guid.NewGuid().ToString("N"));

    public HunspellDictionaryTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "en_US.aff"), """
            SET UTF-8
            ICONV 1
            ICONV ’ '
            NEEDAFFIX X
            PFX U Y 1
            PFX U   0     un         .
            SFX S Y 3
            SFX S   y     ies        [^aeiou]y
            SFX S   0     s          [aeiou]y
            SFX S   0     s          [^y]
            SFX D Y 2
            SFX D   0     d          e
            SFX D   0     ed         [^e]
            SFX M Y 1
            SFX M   0     's         .
            """);
        File.WriteAllText(Path.Combine(_folder, "en_US.dic"), """
            9
            and
            for
            toy/SM
            gift/SDM
            wrap/DU
            puppy/S
            Dublin/M
            pack/UD
            ence/X
            """);
    }

    private HunspellDictionary Dictionary => HunspellDictionary.Load(Path.Combine(_folder, "en_US.dic"), Path.Combine(_folder, "en_US.aff"));

    [Theory]
    [InlineData("toy")]
    [InlineData("toys")]
    [InlineData("toy's")]
    [InlineData("toy’s")]
    [InlineData("puppies")]
    [InlineData("gifted")]
    [InlineData("unwrap")]
    [InlineData("unpacked")]
    [InlineData("Toys")]
    [InlineData("TOYS")]
    [InlineData("Dublin")]
    [InlineData("DUBLIN")]
    public void AcceptsStemsAffixedFormsAndCaseVariants(string word) => Assert.True(Dictionary.IsCorrect(word), word);

    [Theory]
    [InlineData("toyz")]
    [InlineData("puppys")]
    [InlineData("dublin")]       // a proper noun stays capitalised
    [InlineData("ungift")]       // gift has no U flag
    [InlineData("ence")]         // NEEDAFFIX: not a word on its own
    [InlineData("recieve")]
    public void RejectsUnknownWords(string word) => Assert.False(Dictionary.IsCorrect(word), word);

    [Fact]
    public void ContentCheck_ReportsMisspelledWords_WithWhereTheyAre_AndHonoursTheAllowlist()
    {
        using var content = new TempContent();
        content.Write("text/en-US/persona.json", File.ReadAllText(content.PathOf("text/en-US/persona.json"))
            .Replace("\"thanks\": \"You're welcome! Happy gifting.\"", "\"thanks\": \"Toyz and puppys for {{first_name}}: https://x.example/Xyzzy!\""));

        var findings = ContentChecker.Check(content.Root, new ContentCheckOptions { Dictionaries = new DictionaryLocator([_folder]) });

        var thanks = Assert.Single(findings, f => f.Path == "persona.thanks");
        Assert.Equal(FindingSeverity.Warning, thanks.Severity);
        Assert.Contains("\"Toyz\"", thanks.Message);
        Assert.Contains("\"puppys\"", thanks.Message);
        Assert.DoesNotContain("Xyzzy", thanks.Message);       // URLs are not spell-checked
        Assert.DoesNotContain("first_name", thanks.Message);  // nor tokens
        Assert.DoesNotContain("\"and\"", thanks.Message);

        File.AppendAllText(content.PathOf("spelling-allowlist.txt"), "\ntoyz\npuppys\n");
        var again = ContentChecker.Check(content.Root, new ContentCheckOptions { Dictionaries = new DictionaryLocator([_folder]) });
        Assert.DoesNotContain(again, f => f.Path == "persona.thanks");
    }

    [Fact]
    public void MissingDictionary_IsAWarningThatSaysHowToInstallIt_AndNotAnError()
    {
        using var content = new TempContent();

        var findings = ContentChecker.Check(content.Root, new ContentCheckOptions { Dictionaries = new DictionaryLocator([Path.Combine(_folder, "none")]) });

        var missing = Assert.Single(findings, f => f.Message.StartsWith("spelling not checked") && f.File == "text/en-US");
        Assert.Equal(FindingSeverity.Warning, missing.Severity);
        Assert.Contains("sudo apt-get install hunspell hunspell-en-us", missing.Message);
        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void RealEnglishDictionary_KnowsEverydayShopWords()
    {
        var found = TestDictionaries.System().Find("en-US")!.Value;
        var english = HunspellDictionary.Load(found.Dic, found.Aff);

        Assert.All(["delivery", "Returns", "wrapped", "unwrapped", "gifts", "shop's", "you're", "December"], w => Assert.True(english.IsCorrect(w), w));
        Assert.All(["deliverry", "recieve", "giftz"], w => Assert.False(english.IsCorrect(w), w));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
