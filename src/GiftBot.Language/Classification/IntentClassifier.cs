using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace GiftBot.Language.Classification;

/// <summary>
/// An ML.NET text classifier (word uni/bigrams + character 1–4-grams → L-BFGS maximum entropy) over the
/// entity-abstracted text from <see cref="ClassifierText"/>. Prediction engines are pooled because they are not thread-safe.
/// </summary>
public sealed class IntentClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<ClassifierInput, ClassifierOutput>> _engines = [];

    private IntentClassifier(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        var engine = CreateEngine();
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines.Add(engine);
    }

    public IReadOnlyList<string> Labels => _labels;

    public static IntentClassifier Train(IEnumerable<(string Text, string Intent)> examples)
    {
        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new ClassifierInput { Text = e.Text, Label = e.Intent }));
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepDiacritics = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(ClassifierInput.Text)))
            // L-BFGS maximum entropy with mild L2 scored best in 5-fold cross-validation on the training file (see the benchmark's --cross-validate).
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { L2Regularization = 0.1f, L1Regularization = 0f }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new IntentClassifier(ml, pipeline.Fit(data));
    }

    public static IntentClassifier Load(string path)
    {
        var ml = new MLContext(seed: 7);
        using var stream = File.OpenRead(path);
        return new IntentClassifier(ml, ml.Model.Load(stream, out _));
    }

    public void Save(string path)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<ClassifierInput>()).Schema;
        using var stream = File.Create(path);
        _ml.Model.Save(_model, schema, stream);
    }

    /// <summary>Every label with its probability, highest first.</summary>
    public IReadOnlyList<(string Intent, float Score)> Predict(string text)
    {
        if (!_engines.TryTake(out var engine)) engine = CreateEngine();
        try
        {
            var scores = engine.Predict(new ClassifierInput { Text = text, Label = "" }).Score ?? [];
            return scores.Select((s, i) => (_labels[i], s)).OrderByDescending(p => p.s).ToList();
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private PredictionEngine<ClassifierInput, ClassifierOutput> CreateEngine() =>
        _ml.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(_model);
}

public sealed class ClassifierInput
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
}

public sealed class ClassifierOutput
{
    public float[]? Score { get; set; }
}
