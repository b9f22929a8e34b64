using GiftBot.Language.Analysis;
using GiftBot.Language.Classification;
using GiftBot.Language.Entities;
using GiftBot.Language.Faq;
using GiftBot.Language.Interests;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Embedded;

/// <summary>A loaded embedded language model: entity extractors, intent classifier, FAQ matcher and the rules combining them.</summary>
public sealed class LanguageModel
{
    private readonly EntityExtractor _entities;
    private readonly IntentClassifier _classifier;
    private readonly FaqMatcher _faq;
    private readonly IntentResolver _resolver;
    private readonly WordCorrector _corrector;
    private readonly GiftMeaning _meaning;

    /// <summary>How sure the classifier must be of a message's trained reading to overrule an interest only the sentence model saw.</summary>
    private const double SureOfTrainedReading = 0.9;

    // How sure the classifier must be that a question about the shop's app is asked of the shop (as IntentResolver's SureClassifier).
    private const double SureAskedOfTheShop = 0.6;

    private readonly IReadOnlyDictionary<string, string> _emojiMessages;

    internal LanguageModel(EntityExtractor entities, IntentClassifier classifier, FaqMatcher faq, IntentResolver resolver, WordCorrector corrector,
        GiftMeaning meaning, bool loadedFromCache, TimeSpan loadTime, IReadOnlyDictionary<string, string>? emojiMessages = null)
    {
        _emojiMessages = emojiMessages ?? new Dictionary<string, string>();
        _meaning = meaning;
        _corrector = corrector;
        _entities = entities;
        _classifier = classifier;
        _faq = faq;
        _resolver = resolver;
        LoadedFromCache = loadedFromCache;
        LoadTime = loadTime;
    }

    /// <summary>True when the classifier came from the on-disk cache rather than being trained at start-up.</summary>
    public bool LoadedFromCache { get; }

    public TimeSpan LoadTime { get; }

    public EntityExtractor Entities => _entities;

    public RecognizerResult Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RecognizerResult
            {
                Text = text ?? "", AlteredText = text ?? "", Entities = new JObject(),
                Intents = new Dictionary<string, IntentScore> { [GiftIntents.None] = new() { Score = 1.0 } },
            };
        }
        if (!Text.ShopperText.HasWords(text))
        {
            // A message of emoji alone ("🎁", "👍") is read as the words the lexicon gives it; the sentence model alone read
            // "🎁" as space and dinosaurs. Other emoji alone say nothing the model should guess at. Asked only of messages
            // without a letter or digit, so a sentence is not split into words once more for it.
            if (EmojiMessage(text) is not { } words) return Recognize(null);
            var read = Recognize(words);
            read.Text = text;
            return read;
        }
        var (utterance, ruled) = _entities.Extract(text);
        var entities = _meaning.Enrich(utterance, ruled);
        var enriched = entities;
        var predicted = _classifier.Predict(ClassifierText.Build(utterance, entities, _corrector));
        if (ReadAsTrained(utterance, ruled, entities) is { } asTrained)
        {
            // The word was not an interest after all: keep it out of the search and of the FAQ's interest-only rule.
            predicted = asTrained;
            entities = entities with { Interests = [], Wish = null };
        }
        else if (AskedOfTheShop(utterance, ruled, entities) is { } asked)
        {
            predicted = asked;
            entities = entities with { Interests = [], Wish = null };
        }
        var faq = _faq.BestMatch(text);
        var (scores, top, _) = _resolver.Resolve(predicted, entities, faq);
        if (top is GiftIntents.Thanks or GiftIntents.Frustrated && entities.Interests.Count > 0 && entities.Wish is not { Cued: true }
            && (ruled.Interests.Count == 0 || utterance.Tokens.Any(t => Cues.ConversationWords.Contains(t.Lower))))
        {
            // Praise or annoyance ("it's a waste of time", "you're a star") is about the bot: words not said to be loved
            // ("she loves horses") are not what the recipient loves.
            entities = entities with { Interests = [], Wish = null };
            predicted = _classifier.Predict(ClassifierText.Build(utterance, ruled, _corrector));
            (scores, top, _) = _resolver.Resolve(predicted, entities, faq);
        }
        if (top is GiftIntents.Cheaper or GiftIntents.Pricier && entities.Budget is null && AsksForAnotherStyle(utterance))
        {
            // "something less girly", "more grown up": what a gift is like, not its price; other ideas are what can be shown.
            // The scores swap places, so ShowMore is on top even when the price intent scored 1 (a raise would tie there).
            (scores[GiftIntents.ShowMore], scores[top]) = (scores[top], scores[GiftIntents.ShowMore]);
            top = GiftIntents.ShowMore;
        }
        var faqTopic = top == GiftIntents.Faq ? faq?.TopicId : null;
        var verdict = top == GiftIntents.Faq && _resolver.AsksTheShopWhatNoEntryCovers(predicted, entities, faq) ? FaqVerdict.Unanswered
            : faqTopic is null ? FaqVerdict.Answer : _faq.Judge(text, faq!.Value, GiftWords(utterance, ruled, enriched), ruled.Recipients.Select(r => utterance.Slice(r.First, r.Last)));
        // A question to the shop says nothing about what the recipient loves: its words must not fill the interest later.
        if (top == GiftIntents.Faq) entities = entities with { Interests = [], Wish = null };
        else entities = entities with { People = PeopleGrouper.Group(utterance, entities, _meaning.BandOfRecipient) };
        var json = entities.ToJson(utterance, verdict == FaqVerdict.Answer ? faqTopic : null);
        if (verdict != FaqVerdict.Answer)
        {
            // The nearest entry does not cover what is asked ("do you price match?" is not about delivery costs): no answer is asserted.
            json[GiftEntities.FaqUnanswered] = new JArray(true);
            if (verdict == FaqVerdict.Suggest) json[GiftEntities.FaqSuggestion] = new JArray(faqTopic!);
        }
        return new RecognizerResult
        {
            Text = text,
            AlteredText = Corrected(utterance),
            Intents = scores.OrderByDescending(s => s.Value).ToDictionary(s => s.Key, s => new IntentScore { Score = Math.Round(s.Value, 4) }),
            Entities = json,
        };
    }

    /// <summary>
    /// The classifier learnt from sentences whose interests the rules or the utterance file marked. A word only the sentence
    /// model reads as an interest ("basket" → sports, "cart" → cars), in a message with nothing else of a gift, is also read
    /// as the classifier learnt it; when that is surely something else ("basket" alone is the basket, as trained), it wins.
    /// </summary>
    private IReadOnlyList<(string Intent, float Score)>? ReadAsTrained(Utterance utterance, ExtractedEntities ruled, ExtractedEntities enriched)
    {
        if (ruled.HasGiftSlots || enriched.Interests.Count == 0) return null;
        var asTrained = _classifier.Predict(ClassifierText.Build(utterance, ruled, _corrector));
        var (intent, score) = asTrained.MaxBy(p => p.Score);
        return intent is GiftIntents.FindGift or GiftIntents.None || score < SureOfTrainedReading ? null : asTrained;
    }

    /// <summary>
    /// "is there an app?", "do you have an iphone app": the app is the shop's, not what the recipient loves. An interest
    /// read only from a word about the chat itself (<see cref="Cues.ConversationWords"/>), with nothing else of a gift, in a
    /// question the classifier without it is sure is asked of the shop, is no interest: the question goes to the shop.
    /// </summary>
    private IReadOnlyList<(string Intent, float Score)>? AskedOfTheShop(Utterance utterance, ExtractedEntities ruled, ExtractedEntities entities)
    {
        if (entities.Interests.Count == 0 || entities.Age is not null || entities.Budget is not null || entities.Recipients.Count > 0
            || entities.Occasions.Count > 0 || entities.ExcludedInterests.Count > 0) return null;
        if (!entities.Interests.All(m => utterance.Tokens.Skip(m.First).Take(m.Last - m.First + 1).Any(t => Cues.ConversationWords.Contains(t.Lower)))) return null;
        var asked = _classifier.Predict(ClassifierText.Build(utterance, ruled with { Interests = [], Wish = null }, _corrector));
        var (intent, score) = asked.MaxBy(p => p.Score);
        return intent == GiftIntents.Faq && score >= SureAskedOfTheShop ? asked : null;
    }

    private static bool AsksForAnotherStyle(Utterance utterance) =>
        utterance.Tokens.Any(t => Cues.StyleQualities.Contains(t.Lower))
        && !utterance.Tokens.Any(t => Cues.PriceQualities.Contains(t.Lower) || Cues.BudgetKeywords.Contains(t.Lower));

    private string? EmojiMessage(string text)
    {
        if (_emojiMessages.Count == 0) return null;
        // Each emoji on its own, spaced or not ("🎁🎁🎁", "🎄 🎁"): a grapheme cluster keeps a sequence joined by U+200D whole.
        var parts = new List<string>();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            if (elements.GetTextElement() is var element && !string.IsNullOrWhiteSpace(element)) parts.Add(element);
        }
        // Skin tones and variation selectors ("👍🏽", "❤️") are the same emoji.
        static string Plain(string part)
        {
            var plain = part.Replace("\uFE0F", "", StringComparison.Ordinal);
            for (var tone = '\uDFFB'; tone <= '\uDFFF'; tone++) plain = plain.Replace("\uD83C" + tone, "", StringComparison.Ordinal);
            return plain;
        }
        var meanings = parts.Select(p => _emojiMessages.TryGetValue(p, out var m) ? m : _emojiMessages.GetValueOrDefault(Plain(p))).ToList();
        return meanings.Count > 0 && meanings.All(m => m is not null) ? meanings[0] : null;
    }

    /// <summary>
    /// Words that say who the gift is for, what they love, their age or the occasion: a question to the shop may name them
    /// ("the telescope I ordered for my son") without the FAQ entry needing to. A thing only the sentence model reads as an
    /// interest counts only beside a recipient or an occasion: alone it may be what is asked ("do you price match?" is not
    /// about football matches).
    /// </summary>
    private static HashSet<string> GiftWords(Utterance u, ExtractedEntities e, ExtractedEntities enriched)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Add(int first, int last)
        {
            for (var i = first; i <= last && i < u.Tokens.Count; i++) words.Add(u.Tokens[i].Lower);
        }
        foreach (var phrase in u.Phrases.Where(p => p.Entries.Any(x => x.Kind is PhraseKind.Recipient or PhraseKind.Interest or PhraseKind.Occasion or PhraseKind.AgeWord)))
            Add(phrase.First, phrase.Last);
        foreach (var m in e.Recipients.Concat(e.Interests).Concat(e.Occasions)) Add(m.First, m.Last);
        if (e.Age is { } age) Add(age.First, age.Last);
        if (e.Budget is { } budget) Add(budget.First, budget.Last);
        if (e.Recipients.Count > 0 || e.Occasions.Count > 0)
            foreach (var m in enriched.Interests) Add(m.First, m.Last);
        return words;
    }

    /// <summary>The text with typo-corrected words replaced by what they were understood as ("dinosors" → "dinosaurs").</summary>
    private static string Corrected(Utterance u)
    {
        var text = u.Text;
        foreach (var phrase in u.Phrases.Where(p => p.Corrected).Reverse())
        {
            var token = u.Tokens[phrase.First];
            text = text.Remove(token.Start, token.Text.Length).Insert(token.Start, phrase.Entries[0].Value);
        }
        return text;
    }
}
