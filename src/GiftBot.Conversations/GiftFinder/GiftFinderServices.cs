using GiftBot.Conversations.Text;
using Microsoft.Extensions.Options;

namespace GiftBot.Conversations.GiftFinder;

/// <summary>What the gift finder's steps use, gathered so the dialog's constructor stays readable.</summary>
public sealed record GiftFinderServices(
    GiftSearches Searches,
    GiftFinderPrompts Prompts,
    GiftFinderValidators Validators,
    SlotReader Reader,
    SlotMerger Merger,
    AnswerRecorder Answers,
    SearchStarter Starter,
    CorrectionAcknowledgement Corrections,
    RecommendationPresenter Presenter,
    RecipientMemory Memory,
    BotVoice Voice,
    IOptions<GiftFinderOptions> Options);
