namespace GiftBot.Dialogs.Prompts;

/// <summary>Decides whether a recognised answer is acceptable; returning false re-prompts (unless the validator replied itself).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
