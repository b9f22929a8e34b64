using GiftBot.Language.Analysis;
using GiftBot.Language.Training;
using GiftBot.Meaning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GiftBot.Language.Embedded;

/// <summary>
/// Owns the current <see cref="LanguageModel"/>. Builds it once (from the cache when possible) and, at most once a minute,
/// checks whether the catalog's themes or the FAQ changed; if so it rebuilds in the background while the old model keeps answering.
/// </summary>
public sealed class LanguageModelProvider(
    IOptions<LanguageOptions> options, IInterestVocabulary interests, IFaqVocabulary faqs, ILogger<LanguageModelProvider> logger, TimeProvider time,
    ITextEmbedder? embedder = null)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Lazy<(UtteranceFile Utterances, Lexicon Lexicon, RecipientAges RecipientAges)> _files = new(() =>
        (UtteranceFile.Load(options.Value.UtterancesPath), Lexicon.Load(options.Value.LexiconPath), RecipientAges.Load(options.Value.RecipientAgesPath)));
    private Task<LanguageModel>? _current;
    private Task? _rebuild;
    private string? _fingerprint;
    private DateTimeOffset _checkedAt;

    /// <summary>The background rebuild in progress, if any (tests await it).</summary>
    internal Task? PendingRebuild { get { lock (_gate) return _rebuild; } }

    public Task<LanguageModel> GetModelAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is null || _current.IsFaulted)
            {
                _current = Task.Run(() => Build(Snapshot()), CancellationToken.None);
                _checkedAt = time.GetUtcNow();
            }
            else if (_current.IsCompletedSuccessfully && _rebuild is null && time.GetUtcNow() - _checkedAt >= RefreshInterval)
            {
                _checkedAt = time.GetUtcNow();
                StartRebuildIfVocabularyChanged();
            }
            return _current.WaitAsync(cancellationToken);
        }
    }

    private void StartRebuildIfVocabularyChanged()
    {
        var sources = Snapshot();
        if (LanguageModelSources.VocabularyFingerprint(sources.Interests, sources.Faqs) == _fingerprint) return;
        logger.LogInformation("Interest themes or FAQ entries changed; rebuilding the language model");
        _rebuild = Task.Run(() =>
        {
            try
            {
                var model = Build(sources);
                lock (_gate) _current = Task.FromResult(model);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
            {
                logger.LogError(e, "Rebuilding the language model failed; the previous model stays in use");
            }
            finally
            {
                lock (_gate) _rebuild = null;
            }
        });
    }

    private LanguageModelSources Snapshot()
    {
        var (utterances, lexicon, recipientAges) = _files.Value;
        return new LanguageModelSources(utterances, lexicon, interests.GetInterestTerms(), faqs.GetFaqTerms()) { RecipientAges = recipientAges };
    }

    private LanguageModel Build(LanguageModelSources sources)
    {
        var o = options.Value;
        var model = LanguageModelBuilder.Build(sources, o.ResolvedModelCachePath(), o.NoneThreshold, o.FaqMinSimilarity, logger, embedder);
        lock (_gate) _fingerprint = LanguageModelSources.VocabularyFingerprint(sources.Interests, sources.Faqs);
        return model;
    }
}
