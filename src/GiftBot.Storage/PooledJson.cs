using System.Buffers;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace GiftBot.Storage;

/// <summary>
/// Newtonsoft reading and writing without a new char buffer each time. Every turn reads its request and its state and writes
/// its state and transcript: a JsonTextReader allocates (and doubles, for a long string) its own buffer, and writing to text
/// grows a new StringBuilder chunk by chunk. Readers and writers given <see cref="Chars"/> take theirs from
/// <see cref="ArrayPool{T}.Shared"/> and hand it back when disposed.
/// </summary>
public static class PooledJson
{
    // A builder that grew past this (a huge value) is dropped rather than kept per thread.
    private const int MaxKeptBuilderChars = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? _keptBuilder;

    [ThreadStatic]
    private static Encoder? _utf8Encoder;

    public static IArrayPool<char> Chars { get; } = new SharedCharPool();

    /// <summary>Reads UTF-8 text that lives in a pooled buffer only for the call.</summary>
    public delegate T Utf8Reader<out T>(ReadOnlySpan<byte> utf8);

    /// <summary>
    /// A reader of stored or received JSON text with its buffer from the pool; dates stay strings, as they were written
    /// (Newtonsoft would otherwise turn them into DateTime and lose their offset).
    /// </summary>
    public static JsonTextReader Reader(string json) =>
        new(new StringReader(json)) { DateParseHandling = DateParseHandling.None, ArrayPool = Chars };

    /// <summary>The text <paramref name="write"/> produces (compact, invariant culture), built in this thread's kept StringBuilder.</summary>
    public static string Write(Action<JsonTextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        // Taken out of the slot while in use, so a nested call gets a builder of its own.
        var builder = _keptBuilder ?? new StringBuilder(1024);
        _keptBuilder = null;
        try
        {
            using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, ArrayPool = Chars })
            {
                write(json);
            }

            return builder.ToString();
        }
        finally
        {
            if (builder.Capacity <= MaxKeptBuilderChars)
            {
                _keptBuilder = builder.Clear();
            }
        }
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the UTF-8 text <paramref name="write"/> produces (compact, invariant culture), the
    /// text encoded from this thread's kept StringBuilder into a pooled buffer: no string and no byte array of its own, for
    /// JSON that is only going to be compressed or hashed.
    /// </summary>
    public static T WriteUtf8<T>(Action<JsonTextWriter> write, Utf8Reader<T> read)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        var builder = _keptBuilder ?? new StringBuilder(1024);
        _keptBuilder = null;
        byte[]? bytes = null;
        try
        {
            using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.None, ArrayPool = Chars })
            {
                write(json);
            }

            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(builder.Length));
            var encoder = _utf8Encoder ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetEncoder();
            encoder.Reset();
            var written = 0;
            // A surrogate pair may straddle two chunks: the encoder carries its first half over until the last chunk flushes.
            ReadOnlyMemory<char> pending = default;
            foreach (var chunk in builder.GetChunks())
            {
                written += encoder.GetBytes(pending.Span, bytes.AsSpan(written), flush: false);
                pending = chunk;
            }

            written += encoder.GetBytes(pending.Span, bytes.AsSpan(written), flush: true);
            return read(bytes.AsSpan(0, written));
        }
        finally
        {
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }

            if (builder.Capacity <= MaxKeptBuilderChars)
            {
                _keptBuilder = builder.Clear();
            }
        }
    }

    private sealed class SharedCharPool : IArrayPool<char>
    {
        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
