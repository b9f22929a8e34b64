namespace GiftBot.Language;

/// <summary>Settings of section "Language"; checked at start-up by <see cref="LanguageOptionsValidator"/>.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "Language";
    public const string EmbeddedRecognizer = "Embedded";
    public const string CluRecognizer = "Clu";

    /// <summary>"Embedded" (default, no cloud service) or "Clu" (Azure AI Language, falling back to the embedded one).</summary>
    public string Recognizer { get; set; } = EmbeddedRecognizer;

    public CluOptions Clu { get; set; } = new();

    /// <summary>Directory for the trained intent model; defaults to a GiftBot folder under the system temp directory.</summary>
    public string? ModelCachePath { get; set; }

    /// <summary>Below this classifier confidence (0–1) the top intent is None and the bot asks instead of guessing.</summary>
    public double NoneThreshold { get; set; } = 0.25;

    /// <summary>How similar (0–1) a question must be to an FAQ phrasing to count as that FAQ.</summary>
    public double FaqMinSimilarity { get; set; } = 0.35;

    /// <summary>Training utterances; defaults to the content/language/utterances.json embedded at build time.</summary>
    public string? UtterancesPath { get; set; }

    /// <summary>Recipient, occasion and age words; defaults to the content/language/lexicon.json embedded at build time.</summary>
    public string? LexiconPath { get; set; }

    /// <summary>Which recipients imply an age band; defaults to the content/language/recipient-ages.json embedded at build time.</summary>
    public string? RecipientAgesPath { get; set; }

    public string ResolvedModelCachePath() =>
        string.IsNullOrWhiteSpace(ModelCachePath) ? Path.Combine(Path.GetTempPath(), "GiftBot", "language-model") : ModelCachePath;

    public bool UsesClu => string.Equals(Recognizer, CluRecognizer, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Azure AI Language conversational language understanding (CLU) runtime settings.</summary>
public sealed class CluOptions
{
    /// <summary>e.g. https://my-resource.cognitiveservices.azure.com</summary>
    public string? Endpoint { get; set; }
    public string? Key { get; set; }
    public string? ProjectName { get; set; }
    public string? DeploymentName { get; set; }
    public string ApiVersion { get; set; } = "2023-04-01";
    public double TimeoutSeconds { get; set; } = 2;
    /// <summary>Used when the activity carries no locale.</summary>
    public string Language { get; set; } = "en-us";
}
