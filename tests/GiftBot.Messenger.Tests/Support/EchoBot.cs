using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GiftBot.Messenger.Tests.Support;

/// <summary>Every activity a test bot received, in order.</summary>
public sealed class ReceivedActivities
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    public IReadOnlyList<Activity> All => _activities.ToArray();
    public void Add(Activity activity) => _activities.Enqueue(activity);

    /// <summary>Opened by a turn with text "release"; a turn with text "wait" blocks until then (proves turns run in parallel).</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// A bot that says back what it received, so tests can read the Messenger layer's mapping in the Send API calls:
/// "text:&lt;Text&gt;", "attachment:&lt;ContentType&gt;:&lt;ContentUrl&gt;", "event:&lt;Name&gt;:&lt;ref or source&gt;". Text "fail" throws (a bug); "store down" times out the first time (a passing
/// failure); "wait" blocks until another turn says "release".
/// </summary>
public sealed class EchoBot(ReceivedActivities received) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        received.Add(activity);
        if (activity.Type == ActivityTypes.Message)
        {
            if (activity.Text == "fail") throw new InvalidOperationException("The test bot was told to fail.");
            if (activity.Text == "store down" && received.All.Count(a => a.Text == "store down") == 1)
                throw new TimeoutException("The test bot's store did not answer in time."); // once: a passing failure
            if (activity.Text == "wait") await received.Gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            if (!string.IsNullOrEmpty(activity.Text)) await turnContext.SendActivityAsync($"text:{activity.Text}", cancellationToken: cancellationToken);
            if (activity.Text == "release") received.Gate.TrySetResult();
            foreach (var attachment in activity.Attachments ?? [])
                await turnContext.SendActivityAsync($"attachment:{attachment.ContentType}:{attachment.ContentUrl}", cancellationToken: cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Event)
        {
            var value = activity.Value as JObject;
            var detail = value?.Value<string>("ref") ?? value?.Value<string>("source") ?? value?.Value<string>("type") ?? "";
            await turnContext.SendActivityAsync($"event:{activity.Name}:{detail}", cancellationToken: cancellationToken);
        }
        else if (activity.Type == ActivityTypes.MessageReaction)
        {
            await turnContext.SendActivityAsync($"reaction:{activity.ReactionsAdded?.FirstOrDefault()?.Type}", cancellationToken: cancellationToken);
        }
    }
}
