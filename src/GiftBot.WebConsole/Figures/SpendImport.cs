using System.Globalization;
using GiftBot.WebConsole.Orders;

namespace GiftBot.WebConsole.Figures;

/// <summary>
/// Reads an Ads Manager CSV export: a header row naming the ad id ("Ad ID"), the day ("Day" or "Reporting starts") and
/// the spend ("Amount spent (EUR)" or "Spend"), optionally the campaign ("Campaign name"). Bad rows are reported by line.
/// </summary>
public static class SpendImport
{
    public static (List<AdSpend> Rows, List<string> Errors) Read(string csv)
    {
        var rows = new List<AdSpend>();
        var errors = new List<string>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0])) return (rows, ["The file is empty."]);
        var header = CsvLine.Split(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Find(params string[] names) => header.FindIndex(h => names.Any(n => h == n || h.StartsWith(n + " (", StringComparison.Ordinal)));
        var (ad, day, amount, campaign) = (Find("ad id"), Find("day", "reporting starts", "date"), Find("amount spent", "spend"), Find("campaign name", "campaign"));
        if (ad < 0 || day < 0 || amount < 0) return (rows, ["The header must name the ad id (\"Ad ID\"), the day (\"Day\") and the spend (\"Amount spent\")."]);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = CsvLine.Split(lines[i]);
            string At(int index) => index < fields.Count ? fields[index].Trim() : "";
            if (At(ad).Length is 0 or > 64) { errors.Add($"Line {i + 1}: the ad id is missing."); continue; }
            if (!DateOnly.TryParse(At(day), CultureInfo.InvariantCulture, out var date)) { errors.Add($"Line {i + 1}: \"{At(day)}\" is not a date."); continue; }
            if (!decimal.TryParse(At(amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var spend) || spend < 0) { errors.Add($"Line {i + 1}: \"{At(amount)}\" is not an amount."); continue; }
            rows.Add(new AdSpend(At(ad), date, campaign >= 0 && At(campaign).Length > 0 ? At(campaign) : null, spend));
        }
        return (rows, errors);
    }
}

/// <summary>One CSV line into fields (quotes and doubled quotes as in RFC 4180).</summary>
public static class CsvLine
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
