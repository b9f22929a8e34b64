namespace GiftBot.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
