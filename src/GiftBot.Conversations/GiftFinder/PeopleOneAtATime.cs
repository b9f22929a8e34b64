using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Several people named in one message ("Lily 8 likes horses, Sam 5 likes dinosaurs, 30 each") served as a shop assistant
/// would: one at a time, each with their own age and interests and the shared budget. The first one's carousel comes
/// first with a line that says so; the others wait in the search and the follow-up offers the next ("Now for Sam (5,
/// dinosaurs)"), tapped or typed ("next", "now Sam", "and the other one").
/// </summary>
public sealed class PeopleOneAtATime(BotVoice voice, SearchWords words)
{
    /// <summary>Serves the first person on the search and keeps the others for later; says who comes first.</summary>
    public async Task StartAsync(ITurnContext turnContext, GiftSearch search, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var queue = people.Select(PersonToServe.From).ToList();
        Serve(search, queue[0]);
        search.PeopleToServe = queue.Skip(1).ToList();
        await SayAsync(turnContext, GiftFinderText.StartWithPerson, queue[0], cancellationToken);
    }

    /// <summary>Serves the next person waiting: their own age and interests, the budget as the shopper gave it, the basket untouched.</summary>
    /// <returns>False when nobody is waiting (a stale button): the search goes on as it was.</returns>
    public async Task<bool> NextAsync(ITurnContext turnContext, GiftSearch search, CancellationToken cancellationToken)
    {
        if (search.PeopleToServe is not [var next, ..]) return false;
        search.PeopleToServe.RemoveAt(0);
        search.RestoreGivenBudget();
        (search.LastShownMinPrice, search.PendingRefinement, search.SimilarToProductId, search.PendingSlot) = (null, Refinement.None, null, null);
        Serve(search, next);
        await SayAsync(turnContext, GiftFinderText.NowForPerson, next, cancellationToken);
        return true;
    }

    /// <summary>"Now for Sam" when someone is waiting (a quick reply title is 20 characters on Messenger: their age and
    /// interest are said when they are served); null otherwise.</summary>
    public GiftBot.Dialogs.Choices.Choice? NextChoice(ITurnContext turnContext, GiftSearch? search) =>
        search?.PeopleToServe is [var next, ..]
            ? QuickReplies.Command(QuickReplies.ShortTitle(voice.Line(turnContext, GiftFinderText.NextPersonButton, "who", ShortName(turnContext, next))), Payloads.NextPerson)
            : null;

    /// <summary>"Lily (8, horses)", "your nephew (6, trucks)", "the 7-year-old": the name as written, a recipient word as the bot says it.</summary>
    public string Name(ITurnContext turnContext, PersonToServe person)
    {
        var age = person.AgeIsBand ? null : person.AgeMin?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var who = Who(turnContext, person);
        var tokens = new Dictionary<string, string?> { ["who"] = who, ["age"] = age, ["interest"] = person.InterestWords };
        // "your dad (golf)": someone named by a word that implies their age band, with no age said.
        if (who is not null && age is null && person.AgeIsBand)
            return person.InterestWords is null ? who : voice.Line(turnContext, GiftFinderText.PersonInterestOnly, tokens);
        if (who is null || age is null)
            return voice.Line(turnContext, person.InterestWords is null ? GiftFinderText.PersonByAge : GiftFinderText.PersonByAgeWithInterest, tokens);
        return voice.Line(turnContext, person.InterestWords is null ? GiftFinderText.PersonAgeOnly : GiftFinderText.Person, tokens);
    }

    /// <summary>"Sam", "your nephew", "the 7-year-old".</summary>
    public string ShortName(ITurnContext turnContext, PersonToServe person) =>
        Who(turnContext, person) ?? voice.Line(turnContext, GiftFinderText.PersonByAge, "age", person.AgeMin?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string? Who(ITurnContext turnContext, PersonToServe person) =>
        person.Name ?? (person.RecipientWords is not null ? words.Recipient(turnContext, person.Recipient, person.RecipientWords) : null);

    /// <summary>
    /// A typed request for the next person while one waits: "next", "the other one" (content), or the waiting person's
    /// name or recipient word on its own or after an opener ("now Sam", "and for my niece").
    /// </summary>
    public static bool AsksForNext(ITurnContext turnContext, GiftSearch search, BotVoice voice)
    {
        if (search.PeopleToServe is not [var next, ..]) return false;
        var text = turnContext.Activity.Text;
        if (AnswerWords.IsExactly(text, voice.List(turnContext, GiftFinderText.NextPersonWords))) return true;
        var said = AnswerWords.Normalize(text);
        foreach (var name in new[] { next.Name, next.RecipientWords }.Select(AnswerWords.Normalize).Where(n => n.Length > 0))
        {
            var withoutOwner = name.StartsWith("my ", StringComparison.Ordinal) ? name[3..] : name;
            foreach (var opener in voice.List(turnContext, GiftFinderText.NextPersonOpeners).Select(AnswerWords.Normalize).Prepend(""))
            {
                var lead = opener.Length == 0 ? "" : opener + " ";
                if (said == lead + name || said == lead + withoutOwner || said == lead + "my " + withoutOwner || said == lead + "your " + withoutOwner) return true;
            }
        }
        return false;
    }

    private static void Serve(GiftSearch search, PersonToServe person)
    {
        if (person.Recipient is not null) search.NameRecipient(person.Recipient, person.RecipientWords);
        search.PersonName = person.Name;
        search.ClearAge();
        (search.AgeMin, search.AgeMax, search.AgeIsBand) = (person.AgeMin, person.AgeMax, person.AgeIsBand);
        search.ClearInterests();
        search.Interests.AddRange(person.Interests);
        search.Wish = person.Wish;
    }

    private Task SayAsync(ITurnContext turnContext, string key, PersonToServe person, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(MessageFactory.Text(voice.Line(turnContext, key, "person", Name(turnContext, person))), cancellationToken);
}
