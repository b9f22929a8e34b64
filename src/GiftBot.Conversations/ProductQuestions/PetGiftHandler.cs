using GiftBot.Conversations.Interruptions;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Language;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.ProductQuestions;

/// <summary>
/// A gift for a pet ("anything for a dog?", "something for our new puppy"): the shop sells gifts for people, so it says
/// so and offers to find something for an animal lover, instead of asking "Who is the gift for?" of someone who just
/// said, or showing dog books as if the dog were a child who loves dogs. "for my son who loves dogs" and "for a dog lover"
/// are people.
/// </summary>
public sealed class PetGiftHandler(BotVoice voice) : IInterruptionHandler
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, PayloadCommand? command, ShopperUnderstanding understanding, CancellationToken cancellationToken)
    {
        if (command is not null || turnContext.Activity.Type != ActivityTypes.Message || understanding.Recipient is not null || understanding.Age is not null) return false;
        if (!ForAPet(turnContext, turnContext.Activity.Text)) return false;
        await turnContext.SendActivityAsync(QuickReplies.Message(turnContext, voice.Line(turnContext, ProductQuestionText.PetGift),
            [QuickReplies.Command(voice.Line(turnContext, CommonText.FindGift), Payloads.FindGift)]), cancellationToken);
        return true;
    }

    // "for" + a few leading words + a pet word, not followed by a word that makes it a person ("dog lover", "cat mum").
    private bool ForAPet(ITurnContext turnContext, string? text)
    {
        var words = AnswerWords.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var forWord = AnswerWords.Normalize(voice.Line(turnContext, ProductQuestionText.PetFor));
        if (!words.Contains(forWord)) return false;
        var pets = voice.List(turnContext, ProductQuestionText.PetWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var leading = voice.List(turnContext, ProductQuestionText.PetLeadingWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        var people = voice.List(turnContext, ProductQuestionText.PetPersonWords).Select(AnswerWords.Normalize).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] != forWord) continue;
            var k = i + 1;
            while (k < words.Length && k <= i + 3 && leading.Contains(words[k])) k++;
            if (k < words.Length && pets.Contains(words[k]) && (k + 1 == words.Length || !people.Contains(words[k + 1]))) return true;
        }
        return false;
    }
}
