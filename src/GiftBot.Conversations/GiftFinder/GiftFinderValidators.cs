using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>
/// Accepts an answer when it fits the question. A plainly unusable answer gets the retry prompt, which explains what is
/// expected; an absurd one (age 250, budget 0) or a picture first gets a short reason, then the retry prompt.
/// </summary>
public sealed class GiftFinderValidators
{
    private readonly SlotReader _reader;
    private readonly TurnUnderstanding _understanding;
    private readonly BotVoice _voice;

    public GiftFinderValidators(SlotReader reader, TurnUnderstanding understanding, BotVoice voice)
    {
        _reader = reader;
        _understanding = understanding;
        _voice = voice;
    }

    public async Task<bool> RecipientAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!prompt.Recognized.Succeeded) return await NotTextAsync(prompt, cancellationToken);
        var understanding = await _understanding.GetAsync(prompt.Context, cancellationToken);
        return _reader.ReadRecipient(prompt.Context, prompt.Recognized.Value, understanding).Kind == AnswerKind.Given;
    }

    public async Task<bool> AgeAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!prompt.Recognized.Succeeded) return await NotTextAsync(prompt, cancellationToken);
        var understanding = await _understanding.GetAsync(prompt.Context, cancellationToken);
        return _reader.ReadAge(prompt.Context, prompt.Recognized.Value, understanding).Kind switch
        {
            AnswerKind.Given or AnswerKind.Open => true,
            AnswerKind.Absurd => await RefuseAsync(prompt, GiftFinderText.AgeAbsurd, cancellationToken),
            _ => false,
        };
    }

    public async Task<bool> InterestsAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!prompt.Recognized.Succeeded) return await NotTextAsync(prompt, cancellationToken);
        var understanding = await _understanding.GetAsync(prompt.Context, cancellationToken);
        var answer = await _reader.ReadInterestsAsync(prompt.Context, prompt.Recognized.Value, understanding, cancellationToken);
        return answer.Kind is AnswerKind.Given or AnswerKind.Open;
    }

    public async Task<bool> BudgetAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        if (!prompt.Recognized.Succeeded) return await NotTextAsync(prompt, cancellationToken);
        var understanding = await _understanding.GetAsync(prompt.Context, cancellationToken);
        return _reader.ReadBudget(prompt.Context, prompt.Recognized.Value, understanding).Kind switch
        {
            AnswerKind.Given or AnswerKind.Open => true,
            AnswerKind.Absurd => await RefuseAsync(prompt, GiftFinderText.BudgetTooLow, cancellationToken),
            _ => false,
        };
    }

    // An image, a voice message or a location instead of words; an empty message only gets the retry prompt (it held nothing).
    private Task<bool> NotTextAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken) =>
        prompt.Context.Activity.Attachments is { Count: > 0 } attachments
            ? RefuseAsync(prompt, GiftFinderText.NotTextFor(attachments), cancellationToken)
            : Task.FromResult(false);

    private async Task<bool> RefuseAsync(PromptValidatorContext<string> prompt, string reasonKey, CancellationToken cancellationToken)
    {
        await prompt.Context.SendActivityAsync(MessageFactory.Text(_voice.Line(prompt.Context, reasonKey)), cancellationToken);
        if ((prompt.Options.RetryPrompt ?? prompt.Options.Prompt) is { } retry)
            await prompt.Context.SendActivityAsync(retry, cancellationToken);
        return false;
    }
}
