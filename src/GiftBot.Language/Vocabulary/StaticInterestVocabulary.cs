using System.Text;

namespace GiftBot.Language.Vocabulary;

/// <summary>
/// A fixed list of interest themes, for tests, benchmarks and hosts without a catalog service.
/// <see cref="FromThemesCsv"/> reads the catalog's content/catalog/themes.csv (columns theme,display_name,synonyms;
/// synonyms separated by "|").
/// </summary>
public sealed class StaticInterestVocabulary(IReadOnlyList<InterestTerm> terms) : IInterestVocabulary
{
    public IReadOnlyList<InterestTerm> GetInterestTerms() => terms;

    public static StaticInterestVocabulary FromThemesCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (lines.Count == 0) return new StaticInterestVocabulary([]);
        var header = SplitCsvLine(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no \"{name}\" column.");
        var (theme, display, synonyms) = (Column("theme"), header.IndexOf("display_name"), header.IndexOf("synonyms"));
        var terms = new List<InterestTerm>();
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsvLine(line);
            string Cell(int i) => i >= 0 && i < cells.Count ? cells[i].Trim() : "";
            if (Cell(theme).Length == 0) continue;
            var words = Cell(synonyms).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (Cell(display).Length > 0) words.Add(Cell(display));
            terms.Add(new InterestTerm(Cell(theme), words));
        }
        return new StaticInterestVocabulary(terms);
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
