using GiftBot.Language.Analysis;
using GiftBot.Language.Embedded;
using GiftBot.Language.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace GiftBot.Language.Tests;

/// <summary>Trains the embedded model once for every test class in the "language model" collection.</summary>
public sealed class LanguageModelFixture : IDisposable
{
    public LanguageModelFixture()
    {
        CacheDirectory = Path.Combine(Path.GetTempPath(), "giftbot-language-tests-" + Guid.NewGuid().ToString("N"));
        Sources = new LanguageModelSources(TestVocabulary.TrainingFile.Value, Lexicon.Load(), TestVocabulary.Interests, TestVocabulary.Faqs);
        var options = new LanguageOptions();
        Model = LanguageModelBuilder.Build(Sources, CacheDirectory, options.NoneThreshold, options.FaqMinSimilarity, NullLogger.Instance);
    }

    public string CacheDirectory { get; }
    public LanguageModelSources Sources { get; }
    public LanguageModel Model { get; }

    public void Dispose()
    {
        try { Directory.Delete(CacheDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class LanguageModelCollection : ICollectionFixture<LanguageModelFixture>
{
    public const string Name = "language model";
}
