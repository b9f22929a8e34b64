namespace GiftBot.Dialogs.Prompts;

/// <summary>What a prompt recognised in the user's message.</summary>
public class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}
