using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GiftBot.Catalog.Feed;

/// <summary>Reads a product feed CSV: good rows become products, bad rows are reported with their line numbers.</summary>
public static class ProductFeedReader
{
    public static async Task<FeedReadResult> ReadFileAsync(string path, string shopCurrency, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(reader, shopCurrency, cancellationToken);
    }

    public static async Task<FeedReadResult> ReadAsync(TextReader feed, string shopCurrency, CancellationToken cancellationToken)
    {
        var malformed = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = _ => malformed = true,
            MissingFieldFound = null,
            HeaderValidated = null,
        };
        using var csv = new CsvReader(feed, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            throw new FeedFormatException("The feed is empty: the first line must be a header row (id,title,description,...).");

        var columns = IndexColumns(header);
        var validator = new FeedRowValidator(shopCurrency.ToUpperInvariant());
        var products = new List<Product>();
        var errors = new List<FeedRowError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = StartLine(csv.Parser);
            // Fields are parsed lazily: reading the whole record is what reports stray quotes.
            malformed = false;
            var fields = csv.Parser.Record ?? [];
            if (malformed)
            {
                errors.Add(new FeedRowError(line, null, "the row is not valid CSV (a quote inside an unquoted field?)"));
                continue;
            }
            if (fields.Length != header.Length)
            {
                errors.Add(new FeedRowError(line, null,
                    $"the row has {fields.Length} fields but the header has {header.Length} (a comma in an unquoted field?)"));
                continue;
            }
            var (product, error) = validator.Validate(line, name => columns.TryGetValue(name, out var i) ? fields[i].Trim() : "");
            if (product is not null)
                products.Add(product);
            else
                errors.Add(error!);
        }
        return new FeedReadResult(products, errors);
    }

    private static Dictionary<string, int> IndexColumns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
                throw new FeedFormatException($"The header names the column '{name}' twice.");
        }
        var missing = FeedColumns.Required.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
            throw new FeedFormatException($"The header is missing required column(s): {string.Join(", ", missing)}.");
        return columns;
    }

    /// <summary>The line a record starts on; RawRow is the line it ends on, which differs for quoted multi-line fields.</summary>
    private static int StartLine(IParser parser)
    {
        var raw = parser.RawRecord.TrimEnd('\r', '\n');
        return parser.RawRow - raw.Count(c => c == '\n');
    }
}
