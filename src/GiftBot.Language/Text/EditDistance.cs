namespace GiftBot.Language.Text;

/// <summary>Optimal-string-alignment distance (edits plus swaps of neighbours), abandoned once it exceeds a bound.</summary>
public static class EditDistance
{
    private const int StackRowLimit = 64;

    /// <summary>The distance between a and b, or <c>max + 1</c> when it is larger than <paramref name="max"/>.</summary>
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        // Three rows on the stack for word-sized strings: typo matching calls this for every candidate of every unknown
        // word in a message, and three arrays per call were a good part of what understanding a message allocated.
        var width = b.Length + 1;
        var rows = width <= StackRowLimit ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>How many typos a word of this length may carry and still be recognised: none below 5 letters, so short common words never match wrongly.</summary>
    public static int AllowedTypos(int length) => length switch { < 5 => 0, < 8 => 1, _ => 2 };
}
