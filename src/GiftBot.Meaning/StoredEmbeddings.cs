using System.Text;

namespace GiftBot.Meaning;

/// <summary>
/// An <see cref="ITextEmbedder"/> that keeps the vectors of a fixed set of short texts (theme words, FAQ phrasings) in a
/// file, so a restart reads them instead of encoding them again. Texts not in the file are encoded and added;
/// <see cref="Save"/> writes the file atomically (a crash never leaves half a file). A file from another model is ignored.
/// </summary>
public sealed class StoredEmbeddings : ITextEmbedder
{
    private readonly ITextEmbedder _inner;
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors;
    private bool _changed;

    private StoredEmbeddings(ITextEmbedder inner, string path, Dictionary<string, float[]> vectors)
    {
        _inner = inner;
        _path = path;
        _vectors = vectors;
    }

    public string ModelId => _inner.ModelId;
    public int Dimensions => _inner.Dimensions;
    public bool IsLoaded => _inner.IsLoaded;

    public static StoredEmbeddings Open(ITextEmbedder inner, string path) =>
        new(inner, path, Read(path, inner.ModelId, inner.Dimensions));

    /// <summary>The vectors in the file, or none when it is missing, unreadable or from another model.</summary>
    internal static Dictionary<string, float[]> Read(string path, string modelId, int dimensions)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(path)) return vectors;
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != modelId || reader.ReadInt32() != dimensions) return vectors;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var text = reader.ReadString();
                var vector = new float[dimensions];
                for (var d = 0; d < vector.Length; d++) vector[d] = reader.ReadSingle();
                vectors[text] = vector;
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            vectors.Clear(); // an unreadable file only costs encoding the texts again
        }
        return vectors;
    }

    public float[] Embed(string text) => EmbedAll([text])[0];

    public IReadOnlyList<float[]> EmbedAll(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !_vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            var encoded = _inner.EmbedAll(missing, cancellationToken);
            for (var i = 0; i < missing.Length; i++) _vectors[missing[i]] = encoded[i];
            _changed = true;
        }
        return texts.Select(t => _vectors[t]).ToArray();
    }

    /// <summary>Writes the file when texts were added; failing to write is not fatal (the vectors are in memory).</summary>
    public void Save()
    {
        if (!_changed) return;
        _changed = !Write(_path, ModelId, Dimensions, _vectors);
    }

    internal static bool Write(string path, string modelId, int dimensions, IEnumerable<KeyValuePair<string, float[]>> vectors)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            var entries = vectors.ToArray();
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(modelId);
                writer.Write(dimensions);
                writer.Write(entries.Length);
                foreach (var (text, vector) in entries)
                {
                    writer.Write(text);
                    foreach (var value in vector) writer.Write(value);
                }
            }
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // not fatal: the next start encodes the texts again
        }
    }
}
