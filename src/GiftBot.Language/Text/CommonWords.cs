namespace GiftBot.Language.Text;

/// <summary>
/// Correctly spelled everyday words (five letters or more, the only lengths typo correction touches) that sit one
/// edit away from a vocabulary word: "house"/"horse", "store"/"story", "easier"/"easter", "short"/"sport".
/// Words seen in the training utterances are added at run time, and so are the dictionary words one or two edits from
/// a theme or lexicon word (<c>real-words-near-vocabulary.txt</c>, written by the script beside it): "shakes" is no
/// typo of "snakes", nor "roots" of "robots".
/// </summary>
internal static class CommonWords
{
    private const string Words =
        "about above actually added after again against almost alone along already although always amazing another answer anymore anyone anything anyway " +
        "around asked aside avoid aware awesome bedding before begin behind being below better bigger birth bother bought brain brains bread break bring " +
        "brought build built buyer buying calling came cannot careful carry cause chair change changed charge cheap cheaper check chief choice choose " +
        "class clean clear close closes clothe color colour comes coming could count couple course cover crazy cross dairy dance dealer diner dinner " +
        "doing doubt drawer dream dreams drink drive eastern easier eaten either email empty enough entire error every exact faster fetch field fight " +
        "final finally first fixed floor focus found fresh front funny gather getting given giving glass going gonna goods great green group guess " +
        "happy heading heard heart heavy hello hence herself himself horrible house houses hours human ideas inside instead issue itself joker jokes " +
        "keeps knows large later laughter leading learn least leave lefty level light liked likes liking little lived lives local looks loose lower " +
        "lucky lunch maker makes making manage managed master maybe means meant might minds minute mister model money month months mostly mother " +
        "moved movie music named never newer night noise north nothing number often older order other others ought outside owner paint paper party " +
        "passion pasta pause people perfect phone piece place plain plane plans plate please point pocket power press price pretty print prize " +
        "probably proper quick quiet quite rather reach ready really reason remind reply right river rooms round rules sadly sales saying scary " +
        "school screen second seems sense serious seven shall share shirt short shorts should shout signing silly since single sleep slower small " +
        "smart smile sooner sorry sound south spare speak spend spent spice stand start state still stock stone stop store stores storm story stuff style sugar " +
        "super sure sweet table taken takes taking talks teaches thank thanks their theme there these thing things think third those though three " +
        "through tired today together tomorrow tonight total touch tough tower truly trust truth twice under until upset using usual valid value " +
        "understand understood friendly video visit voice waiting wake walking wanna wants watch water weird where which while white whole whose wishing without woman women " +
        "wonder words world worry kinda sorta worse worth would write wrong years yellow yesterday young yours yourself";

    public static readonly IReadOnlySet<string> All = BuildSet();

    private static HashSet<string> BuildSet()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(RealWordsNearVocabulary()))
        {
            set.Add(word);
            set.Add(WordForms.Stem(word));
        }
        return set;
    }

    private static IEnumerable<string> RealWordsNearVocabulary()
    {
        using var stream = typeof(CommonWords).Assembly.GetManifestResourceStream("GiftBot.Language.real-words-near-vocabulary.txt")
            ?? throw new InvalidOperationException("The embedded list of real words near the vocabulary is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) words.Add(line);
        return words;
    }
}
