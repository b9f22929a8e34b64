using Newtonsoft.Json;

namespace GiftBot.Language.Analysis;

/// <summary>
/// Which recipient words imply an age band (content/language/recipient-ages.json): "my wife" is an adult, "a newborn"
/// a baby. The shopper's own words are looked up first ("best friend"), then the canonical recipient ("mother"); with
/// no recipient at all, an occasion may settle it ("a retirement gift").
/// </summary>
public sealed class RecipientAges
{
    public int Version { get; init; }
    public List<Band> Bands { get; init; } = [];
    /// <summary>Canonical recipients of the same generation as whoever they belong to: "mum's friend" is an adult because mum is.</summary>
    public List<string> Peers { get; init; } = [];
    /// <summary>"big", "older": after "my", a peer so described is older than the shopper, who is an adult.</summary>
    public List<string> OwnElders { get; init; } = [];
    /// <summary>Canonical recipients whose band is the shopper's generation only: owned by someone else ("my son's best
    /// friend", "my son's girlfriend") they take that owner's generation instead (a wife is an adult whoever's she is).</summary>
    public List<string> OwnersGeneration { get; init; } = [];

    /// <summary>Recipients whose age shoppers seldom know or say ("coworker, 20"): a bare number said of them is the budget.</summary>
    public List<string> AgeSeldomSaid { get; init; } = [];

    /// <summary>The youngest some recipients can plausibly be for whoever shops for them: a grandad is no 20-year-old.</summary>
    public List<YoungestAge> YoungestAges { get; init; } = [];

    /// <summary>
    /// Phrases saying that a gift for a child's occasion (a baby shower, a christening) is for the parent ("the gift is for
    /// her", "something for herself", "not the baby"): then the parent is the recipient, an adult.
    /// </summary>
    public List<string> ForTheParent { get; init; } = [];

    public bool SaysForTheParent(string text)
    {
        var padded = " " + Normalize(text) + " ";
        return ForTheParent.Any(p => padded.Contains(" " + Normalize(p) + " ", StringComparison.Ordinal));
    }

    /// <summary>The youngest the recipient can plausibly be, when the file says; otherwise null (their band's minimum holds).</summary>
    public int? YoungestAgeOf(string words, string canonical)
    {
        var index = Indexed;
        var first = Math.Min(index.YoungestAges.GetValueOrDefault(Normalize(words), int.MaxValue), index.YoungestAges.GetValueOrDefault(Normalize(canonical), int.MaxValue));
        return first == int.MaxValue ? null : YoungestAges[first].Age;
    }

    public sealed class YoungestAge
    {
        public int Age { get; init; }
        public List<string> Recipients { get; init; } = [];
    }

    public bool IsAgeSeldomSaid(string words, string canonical) =>
        Indexed.AgeSeldomSaid.Contains(Normalize(words)) || Indexed.AgeSeldomSaid.Contains(Normalize(canonical));

    public bool TakesOwnersGeneration(string canonical) => OwnersGeneration.Any(p => string.Equals(p, canonical, StringComparison.OrdinalIgnoreCase));

    public sealed class Band
    {
        [JsonProperty("band")]
        public string Name { get; init; } = "";
        public int Min { get; init; }
        public int Max { get; init; }
        public List<string> Recipients { get; init; } = [];
        /// <summary>Occasions (canonical, as in lexicon.json) that imply the band when no recipient is named: a Mother's Day gift is for an adult.</summary>
        public List<string> Occasions { get; init; } = [];
        /// <summary>Words in what the recipient loves that only this band has ("wine", "craft beer"): for a recipient in no band
        /// ("my sister loves gin"), they settle it, as an occasion does.</summary>
        public List<string> Interests { get; init; } = [];
        /// <summary>Words written just before a recipient that place them in this band: "my firefighter friend", "a retired neighbour".</summary>
        public List<string> Describers { get; init; } = [];
    }

    public static RecipientAges Parse(string json) =>
        JsonConvert.DeserializeObject<RecipientAges>(json) ?? throw new InvalidDataException("The recipient ages file is empty.");

    /// <summary>Reads the file at <paramref name="path"/> when given, otherwise the copy embedded at build time.</summary>
    public static RecipientAges Load(string? path = null) => Parse(Lexicon.ReadContent(path, "recipient-ages.json"));

    public Band? For(string words, string canonical) => Find(words) ?? Find(canonical);

    public Band? ForOccasion(string occasion) =>
        Bands.FirstOrDefault(b => b.Occasions.Any(o => string.Equals(o, occasion, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The band a wish implies when one of its words (or word pairs) is a band's interest word: "gin", "craft beer".</summary>
    public Band? ForWish(string wish)
    {
        var words = Normalize(wish).Split(' ');
        var first = words.Concat(words.Zip(words.Skip(1), (a, b) => a + " " + b))
            .Select(phrase => Indexed.Interests.GetValueOrDefault(phrase, int.MaxValue))
            .DefaultIfEmpty(int.MaxValue)
            .Min();
        return first == int.MaxValue ? null : Bands[first];
    }

    public Band? ForDescriber(string word) => Indexed.Describers.TryGetValue(Normalize(word), out var band) ? Bands[band] : null;

    public bool IsOwnElderWord(string word) => OwnElders.Any(e => string.Equals(e, word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The adult band, which an own elder belongs to.</summary>
    public Band? Adult => Bands.FirstOrDefault(b => b.Name == "adult");

    /// <summary>The first band (in file order) whose ages include <paramref name="age"/>.</summary>
    public Band? Containing(int age) => Bands.FirstOrDefault(b => age >= b.Min && age <= b.Max);

    public bool IsPeer(string canonical) => Peers.Any(p => string.Equals(p, canonical, StringComparison.OrdinalIgnoreCase));

    private Band? Find(string words) => Indexed.Recipients.TryGetValue(Normalize(words), out var band) ? Bands[band] : null;

    // The file's phrases normalised once, each to the first band (or youngest-age entry) in file order that lists it: the
    // recognizer asks several times a turn, and each question normalised every phrase of the file again.
    private Index? _index;

    private Index Indexed => LazyInitializer.EnsureInitialized(ref _index, () => new Index(this));

    private sealed class Index(RecipientAges ages)
    {
        public Dictionary<string, int> Recipients { get; } = FirstListing(ages.Bands.Select(b => b.Recipients));

        public Dictionary<string, int> Describers { get; } = FirstListing(ages.Bands.Select(b => b.Describers));

        public Dictionary<string, int> Interests { get; } = FirstListing(ages.Bands.Select(b => b.Interests));

        public Dictionary<string, int> YoungestAges { get; } = FirstListing(ages.YoungestAges.Select(y => y.Recipients));

        public HashSet<string> AgeSeldomSaid { get; } = ages.AgeSeldomSaid.Select(Normalize).ToHashSet(StringComparer.Ordinal);

        private static Dictionary<string, int> FirstListing(IEnumerable<List<string>> lists)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var position = 0;
            foreach (var phrases in lists)
            {
                foreach (var phrase in phrases)
                {
                    first.TryAdd(Normalize(phrase), position);
                }

                position++;
            }

            return first;
        }
    }

    private static string Normalize(string words) =>
        string.Join(' ', words.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
