using GiftBot.Conversations.GiftFinder;
using GiftBot.Conversations.Text;
using GiftBot.Conversations.Understanding;
using GiftBot.Dialogs;
using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.Conversations.ReturningShoppers;

/// <summary>
/// Offers a returning shopper "another gift for your nephew?". Yes starts the gift finder pre-filled from the saved
/// recipient, no starts it fresh; ends with the <see cref="GiftFinderStart"/> to begin, or <see cref="NotAnswered"/>
/// when the shopper said something else, so the main dialog routes that message instead.
/// </summary>
public sealed class ReturningShopperDialog : ComponentDialog
{
    public const string NotAnswered = "returning-offer-not-answered";
    private const string Steps = "ReturningShopperSteps";
    private const string OfferPrompt = nameof(OfferPrompt);
    private const string RecipientValue = "recipient";

    private readonly RecipientMemory _memory;
    private readonly BotVoice _voice;
    private readonly SearchWords _words;

    public ReturningShopperDialog(RecipientMemory memory, BotVoice voice, SearchWords words)
        : base(nameof(ReturningShopperDialog))
    {
        _memory = memory;
        _voice = voice;
        _words = words;
        AddDialog(new WaterfallDialog(Steps, [OfferStepAsync, DecideStepAsync]));
        AddDialog(new TextPrompt(OfferPrompt));
        InitialDialogId = Steps;
    }

    private async Task<DialogTurnResult> OfferStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (await _memory.LatestAsync(step.Context, cancellationToken) is not { } profile)
            return await step.EndDialogAsync(GiftFinderStart.New(), cancellationToken);

        step.Values[RecipientValue] = profile.Recipient;
        var text = _voice.Line(step.Context, ReturningShopperText.Offer, "recipient", _words.Recipient(step.Context, profile.Recipient));
        var offer = (Activity)QuickReplies.Message(step.Context, text,
        [
            QuickReplies.Command(_voice.Line(step.Context, ReturningShopperText.Yes), Payloads.With(Payloads.GiftFor, profile.Recipient)),
            QuickReplies.Command(_voice.Line(step.Context, ReturningShopperText.No), Payloads.FindGift),
        ], InputHints.ExpectingInput);
        return await step.PromptAsync(OfferPrompt, new PromptOptions { Prompt = offer }, cancellationToken);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var answer = step.Result as string;
        var recipient = step.GetValue<string>(RecipientValue);
        if (Payloads.TryParse(answer, out var command))
        {
            recipient = command.Name switch
            {
                Payloads.GiftFor => command.Argument,
                Payloads.FindGift => null,
                _ => NotAnswered,
            };
        }
        else if (AnswerWords.IsExactly(answer, _voice.List(step.Context, CommonText.NoAnswers)))
        {
            recipient = null;
        }
        else if (!AnswerWords.IsExactly(answer, _voice.List(step.Context, CommonText.YesAnswers)))
        {
            recipient = NotAnswered;
        }

        if (recipient == NotAnswered) return await step.EndDialogAsync(NotAnswered, cancellationToken);
        if (recipient is null) return await step.EndDialogAsync(GiftFinderStart.New(), cancellationToken);
        return await step.EndDialogAsync(await GiftFinderStart.ForSavedRecipientAsync(step.Context, recipient, _memory, cancellationToken), cancellationToken);
    }
}
