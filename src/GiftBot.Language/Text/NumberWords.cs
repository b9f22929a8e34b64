namespace GiftBot.Language.Text;

/// <summary>English number words: cardinals, ordinals and decades.</summary>
internal static class NumberWords
{
    public static readonly IReadOnlyDictionary<string, int> Units = Index(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen");

    public static readonly IReadOnlyDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    public static readonly IReadOnlyDictionary<string, int> Ordinals = new Dictionary<string, int>(
        Index("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"))
    {
        ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
        ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90, ["hundredth"] = 100,
    };

    /// <summary>Money words that are an amount and a currency at once ("a tenner", "a fiver").</summary>
    public static readonly IReadOnlyDictionary<string, (int Amount, string Currency)> MoneyWords = new Dictionary<string, (int, string)>
    {
        ["fiver"] = (5, "GBP"), ["tenner"] = (10, "GBP"),
    };

    /// <summary>A money word, singular or plural ("tenners" in "two tenners").</summary>
    public static bool TryMoney(string word, out (int Amount, string Currency) money) =>
        MoneyWords.TryGetValue(word, out money) || word.EndsWith('s') && MoneyWords.TryGetValue(word[..^1], out money);

    public static readonly IReadOnlyDictionary<string, int> Decades = new Dictionary<string, int>
    {
        ["twenties"] = 20, ["thirties"] = 30, ["forties"] = 40, ["fifties"] = 50,
        ["sixties"] = 60, ["seventies"] = 70, ["eighties"] = 80, ["nineties"] = 90,
    };

    public static readonly IReadOnlySet<string> OrdinalSuffixes = new HashSet<string> { "st", "nd", "rd", "th" };

    private static Dictionary<string, int> Index(string words) =>
        words.Split(' ').Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
}
