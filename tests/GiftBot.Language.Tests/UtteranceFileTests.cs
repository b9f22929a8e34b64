using GiftBot.Language.Training;

namespace GiftBot.Language.Tests;

public sealed class UtteranceFileTests
{
    [Fact]
    public void ReadsInlineAnnotations()
    {
        var file = UtteranceFile.Parse("""{ "version": 3, "intents": { "FindGift": ["gift for my {recipient:nephew} who loves {interest:space}"] } }""");
        var utterance = Assert.Single(file.Utterances);
        Assert.Equal(3, file.Version);
        Assert.Equal("gift for my nephew who loves space", utterance.Text);
        Assert.Equal([new Annotation("recipient", "nephew", 12), new Annotation("interest", "space", 29)], utterance.Annotations);
    }

    [Theory]
    [InlineData("""{ "intents": { "BuyCar": ["hello"] } }""", "BuyCar")]
    [InlineData("""{ "intents": { "FindGift": ["for my {relative:mum}"] } }""", "relative")]
    [InlineData("""{ "intents": { "FindGift": ["for my {recipient mum}"] } }""", "Malformed annotation")]
    [InlineData("""{ "intents": [] }""", "intents")]
    [InlineData("""{ "intents": { "FindGift": ["ok"] """, "not valid JSON")]
    public void ExplainsMistakes(string json, string mentioned) =>
        Assert.Contains(mentioned, Assert.Throws<InvalidDataException>(() => UtteranceFile.Parse(json)).Message);

    [Fact]
    public void RepositoryFile_HasEnoughVariedUtterancesForEveryIntent()
    {
        var counts = TestVocabulary.TrainingFile.Value.Utterances.GroupBy(u => u.Intent).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(UtteranceFile.KnownIntents.Order(), counts.Keys.Order());
        Assert.All(counts, c => Assert.True(c.Value >= 40, $"{c.Key} has only {c.Value} utterances"));
        Assert.True(counts[GiftIntents.FindGift] >= 100);
    }

    [Fact]
    public void RepositoryFile_AnnotationsAgreeWithTheExtractors()
    {
        var known = TestVocabulary.Interests.SelectMany(t => t.Synonyms.Append(t.Theme)).Select(s => s.ToLowerInvariant()).ToHashSet();
        var disagreements = new List<string>();
        foreach (var utterance in TestVocabulary.TrainingFile.Value.Utterances)
        {
            var entities = TestVocabulary.Extract(utterance.Text);
            foreach (var annotation in utterance.Annotations)
            {
                var found = annotation.Type switch
                {
                    GiftEntities.Age => entities.Age is not null,
                    GiftEntities.Budget => entities.Budget is not null,
                    GiftEntities.Recipient => entities.Recipients.Count > 0,
                    GiftEntities.Occasion => entities.Occasions.Count > 0,
                    GiftEntities.Interest when known.Contains(annotation.Text.ToLowerInvariant()) => entities.Interests.Count > 0,
                    GiftEntities.ExcludedInterest => entities.ExcludedInterests.Count > 0,
                    _ => true,
                };
                if (!found) disagreements.Add($"{annotation.Type} in \"{utterance.Text}\"");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
