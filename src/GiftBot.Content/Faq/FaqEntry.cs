namespace GiftBot.Content;

/// <summary>A button under a FAQ answer: opens <see cref="Url"/> or sends <see cref="Payload"/> (an UPPER_SNAKE command) back.</summary>
public sealed record FaqButton(TextRef Title, string? Url, string? Payload)
{
    public bool IsLink => Url is not null;
}

/// <summary>
/// One entry of content/faq.json. <see cref="Phrasings"/> are other ways shoppers ask the question (per locale), used
/// to recognise it in free text; <see cref="Tags"/> feed conversation tagging rules ("order problem"); <see cref="Reference"/>
/// is what the answer asks the shopper for, when it asks for something the team needs (an order number).
/// </summary>
public sealed record FaqEntry(
    string Id,
    LocalizedText Question,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Phrasings,
    TextRef? Answer,
    string? ImageUrl,
    IReadOnlyList<FaqButton> Buttons,
    IReadOnlyList<string> Tags,
    FaqReference? Reference = null)
{
    public const int MaxButtons = 3;

    /// <summary>The question and its phrasings in one locale (falling back like all content), for display or matching.</summary>
    public IReadOnlyList<string> PhrasingsFor(string? locale, string defaultLocale)
    {
        var question = Question.Get(locale, defaultLocale);
        var resolved = LocaleFallback.Candidates(locale, Phrasings.Keys, defaultLocale).FirstOrDefault(Phrasings.ContainsKey);
        IEnumerable<string> phrasings = resolved is null ? [] : Phrasings[resolved];
        return (question is null ? phrasings : phrasings.Prepend(question)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Every question and phrasing in every locale: a shopper may write in a language other than their profile's.</summary>
    public IReadOnlyList<string> AllPhrasings(string defaultLocale) =>
        Question.All(defaultLocale).Select(q => q.Text).Concat(Phrasings.Values.SelectMany(p => p))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
