using GiftBot.Dialogs.Prompts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>Runs one prompt inside a waterfall and replies "result: …" with what the prompt returned.</summary>
public static class PromptHarness
{
    public static DialogHarness Create(Dialog prompt, PromptOptions options, StorageKind store = StorageKind.JsonRoundTrip, string channelId = "test")
        => new(StorageKinds.Create(store), channelId, Waterfall(prompt.Id, options), prompt);

    public static TestFlow Flow(Dialog prompt, PromptOptions options, StorageKind store = StorageKind.JsonRoundTrip, string channelId = "test")
        => Create(prompt, options, store, channelId).ContinueOrBegin("PromptTest");

    /// <summary>A message as a channel sends it, with an optional locale.</summary>
    public static Activity Message(string text, string? locale = null)
        => new(ActivityTypes.Message) { Text = text, Locale = locale };

    /// <summary>A message carrying only an image, like a photo or sticker sent instead of an answer.</summary>
    public static Activity ImageOnly()
        => new(ActivityTypes.Message)
        {
            Attachments = [new Attachment("image/png", "https://example.test/sticker.png")],
        };

    public static PromptOptions Options(string prompt, string? retry = null)
        => new()
        {
            Prompt = MessageFactory.Text(prompt),
            RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
        };

    private static WaterfallDialog Waterfall(string promptId, PromptOptions options) => new("PromptTest", [
        (s, ct) => s.PromptAsync(promptId, options, ct),
        async (s, ct) =>
        {
            var shown = s.Result switch
            {
                null => "null",
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
            };
            await s.Context.SendActivityAsync($"result: {shown}", cancellationToken: ct);
            return await s.EndDialogAsync(s.Result, ct);
        },
    ]);
}
