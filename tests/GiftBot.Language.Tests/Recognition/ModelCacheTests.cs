using GiftBot.Language.Analysis;
using GiftBot.Language.Embedded;
using GiftBot.Language.Training;
using GiftBot.Language.Vocabulary;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Language.Tests.Recognition;

/// <summary>Uses a small utterance file so each training takes a moment, not seconds.</summary>
public sealed class ModelCacheTests : IDisposable
{
    private const string SmallFile = """
        { "version": 1, "intents": {
          "FindGift": ["gift for my {recipient:son}", "present for my {recipient:mum}", "something for a {age:5 year old}", "I need a gift"],
          "Help": ["help", "what can you do", "how does this work", "I'm stuck"],
          "Greeting": ["hi", "hello", "hey there", "good morning"],
          "None": ["what's the weather", "tell me a joke", "I'm bored", "asdf"] } }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "giftbot-cache-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SecondStart_LoadsTheCachedModel_WithoutRetraining()
    {
        var first = Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);
        var file = Assert.Single(Directory.GetFiles(_directory, "*.zip"));
        var writtenAt = File.GetLastWriteTimeUtc(file);

        var second = Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);

        Assert.False(first.LoadedFromCache);
        Assert.True(second.LoadedFromCache);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(_directory, "*.zip"))));
        Assert.Equal(GiftIntents.Greeting, second.Recognize("hello").ToShopperUnderstanding().Intent);
    }

    [Fact]
    public void ChangedUtteranceFile_IsRetrained_AndReplacesTheOldModel()
    {
        Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);
        var oldFile = Assert.Single(Directory.GetFiles(_directory, "*.zip"));

        var changed = Build(UtteranceFile.Parse(SmallFile.Replace("\"hi\",", "\"hi\", \"howdy\",")), TestVocabulary.Interests);

        Assert.False(changed.LoadedFromCache);
        Assert.NotEqual(oldFile, Assert.Single(Directory.GetFiles(_directory, "*.zip")));
    }

    [Fact]
    public void ChangedThemes_AreRetrained()
    {
        Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);
        var withNewTheme = Build(UtteranceFile.Parse(SmallFile), [.. TestVocabulary.Interests, new InterestTerm("gardening", ["plants", "flowers"])]);
        Assert.False(withNewTheme.LoadedFromCache);
    }

    [Fact]
    public void CorruptCacheFile_IsRetrained_NotFatal()
    {
        Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);
        File.WriteAllText(Assert.Single(Directory.GetFiles(_directory, "*.zip")), "not a model");

        var model = Build(UtteranceFile.Parse(SmallFile), TestVocabulary.Interests);

        Assert.False(model.LoadedFromCache);
        Assert.Equal(GiftIntents.Help, model.Recognize("help").ToShopperUnderstanding().Intent);
    }

    [Fact]
    public async Task NewlyImportedTheme_IsUnderstood_WithoutCodeChanges()
    {
        var utterances = Path.Combine(_directory, "utterances.json");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(utterances, SmallFile);
        var themes = new MutableVocabulary(TestVocabulary.Interests);
        var time = new FakeTimeProvider();
        var provider = new LanguageModelProvider(Options.Create(new LanguageOptions { ModelCachePath = _directory, UtterancesPath = utterances }),
            themes, TestVocabulary.FaqVocabulary, NullLogger<LanguageModelProvider>.Instance, time);
        var before = await provider.GetModelAsync(CancellationToken.None);
        Assert.Empty(before.Recognize("she loves knitting").ToShopperUnderstanding().Interests);

        themes.Terms = [.. TestVocabulary.Interests, new InterestTerm("crafts", ["knitting", "sewing"])];
        time.Advance(TimeSpan.FromMinutes(2));
        await provider.GetModelAsync(CancellationToken.None);
        await (provider.PendingRebuild ?? Task.CompletedTask);
        var after = await provider.GetModelAsync(CancellationToken.None);

        Assert.Equal(["crafts"], after.Recognize("she loves knitting").ToShopperUnderstanding().Interests);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private LanguageModel Build(UtteranceFile file, IReadOnlyList<InterestTerm> interests) =>
        LanguageModelBuilder.Build(new LanguageModelSources(file, Lexicon.Load(), interests, TestVocabulary.Faqs), _directory, 0.25, 0.35, NullLogger.Instance);

    private sealed class MutableVocabulary(IReadOnlyList<InterestTerm> terms) : IInterestVocabulary
    {
        public IReadOnlyList<InterestTerm> Terms { get; set; } = terms;
        public IReadOnlyList<InterestTerm> GetInterestTerms() => Terms;
    }
}
