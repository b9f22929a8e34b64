namespace GiftBot.Meaning;

/// <summary>
/// Turns short English texts into unit-length vectors whose dot product says how close their meanings are
/// ("trucks" is near "cars and vehicles", far from "knitting"). Recognizers and the catalog see only this.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Which model made the vectors; stored beside saved vectors so a new model rebuilds them.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>True once the model is in memory; before that the first call waits for it.</summary>
    bool IsLoaded { get; }

    float[] Embed(string text);

    /// <summary>Embeds many texts in batches (cheaper than one by one).</summary>
    IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
