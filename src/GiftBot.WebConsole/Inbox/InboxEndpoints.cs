using GiftBot.Storage;
using System.Text.Json;
using GiftBot.Customers;
using GiftBot.Customers.AgentApi;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.WebConsole.Pages;
using GiftBot.WebConsole.Transcripts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Inbox;

/// <summary>The inbox: pages, the fragments live updates fetch, the agent's actions (post, then redirect back) and the event stream.</summary>
internal static class InboxEndpoints
{
    private const int ThreadLength = 200;

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/inbox", (HttpContext http, InboxReader inbox, CancellationToken ct) => PageAsync(http, inbox, null, null, ct));
        console.MapGet("/inbox/queue", async (InboxReader inbox, string? open, CancellationToken ct) =>
            Results.Content(InboxView.Queue(await inbox.ReadAsync(ct), open), ContentType));
        var person = console.MapGroup("/inbox/{channelId}/{userId}").AddEndpointFilter(async (context, next) =>
        {
            var route = context.HttpContext.Request.RouteValues;
            return CustomerKey.IsValidId(route["channelId"] as string) && CustomerKey.IsValidId(route["userId"] as string)
                ? await next(context)
                : Html.Page(context.HttpContext, "Not found", "<h1>No such conversation</h1>", "inbox", 404);
        });
        person.MapGet("/", (HttpContext http, InboxReader inbox, string channelId, string userId, CancellationToken ct) => PageAsync(http, inbox, channelId, userId, ct));
        person.MapGet("/thread", async (IConversationTranscript transcript, string channelId, string userId, CancellationToken ct) =>
            Results.Content(MessageView.Thread(await transcript.ReadAsync(channelId, userId, ThreadLength, ct)), ContentType));
        person.MapGet("/context", async (HttpContext http, ICustomerContextStore store, UserStateDocument userState, TimeProvider time, string channelId, string userId, CancellationToken ct) =>
            await store.GetAsync(channelId, userId, ct) is { } context
                ? Results.Content(InboxView.Card(http, context, await userState.ReadAsync(channelId, userId, ct), time.GetUtcNow()), ContentType)
                : Results.NotFound());
        person.MapPost("/reply", ReplyAsync);
        person.MapPost("/assign", AssignAsync);
        person.MapPost("/tags", TagAsync);
        person.MapPost("/notes", NoteAsync);
        person.MapPost("/hand-back", HandBackAsync);
        console.MapGet("/events", StreamAsync);
    }

    private static async Task<IResult> PageAsync(HttpContext http, InboxReader inbox, string? channelId, string? userId, CancellationToken ct)
    {
        var services = http.RequestServices;
        var lists = await inbox.ReadAsync(ct);
        var open = channelId is null ? null : $"{channelId}/{userId}";
        var conversation = "<p class=\"meta\">Choose a conversation on the left.</p>";
        var card = "";
        if (channelId is not null && userId is not null)
        {
            if (!CustomerKey.IsValidId(channelId) || !CustomerKey.IsValidId(userId)) return Html.Page(http, "Not found", "<h1>No such conversation</h1>", "inbox", 404);
            var context = await services.GetRequiredService<ICustomerContextStore>().GetAsync(channelId, userId, ct);
            if (context is null) return Html.Page(http, "Not found", "<h1>No such conversation</h1>", "inbox", 404);
            var entries = await services.GetRequiredService<IConversationTranscript>().ReadAsync(channelId, userId, ThreadLength, ct);
            var plan = await services.GetRequiredService<AgentReplies>().PlanAsync(context, ct);
            var action = ConsoleRoutes.Conversation(channelId, userId);
            var flash = http.Request.Query["sent"].ToString() switch
            {
                "" => "",
                var message => $"<p class=\"notice\" role=\"status\">{E(message)}</p>",
            };
            conversation =
                $"""
                <div data-person="{E(open)}" data-thread="{E(action)}/thread" data-context="{E(action)}/context">
                  <h2>Conversation with {E(context.Profile.FirstName ?? "the shopper")} <span class="meta">on {E(InboxView.ChannelLabel(channelId))}</span></h2>
                  {flash}
                  <div id="thread" class="thread" role="log" tabindex="0" aria-live="polite" aria-label="Messages">{MessageView.Thread(entries)}</div>
                  {InboxView.ReplyBox(action, Antiforgery(http), plan)}
                </div>
                """;
            var userState = await services.GetRequiredService<UserStateDocument>().ReadAsync(channelId, userId, ct);
            card = InboxView.Card(http, context, userState, services.GetRequiredService<TimeProvider>().GetUtcNow());
        }

        var body =
            $"""
            <h1>Inbox</h1>
            <div class="inbox" data-live="{ConsoleRoutes.Events}" data-queue="{ConsoleRoutes.Inbox}/queue{(open is null ? "" : "?open=" + Uri.EscapeDataString(open))}">
              <section id="queue" class="panel queue" aria-label="Queue">{InboxView.Queue(lists, open)}</section>
              <section class="panel" aria-label="Conversation">{conversation}</section>
              <aside id="context" class="panel card" aria-label="Context card">{card}</aside>
            </div>
            """;
        return Html.Page(http, "Inbox", body, "inbox");
    }

    private static async Task<IResult> ReplyAsync(HttpContext http, AgentReplies replies, string channelId, string userId, CancellationToken ct)
    {
        var text = (await http.Request.ReadFormAsync(ct))["text"].ToString().Trim();
        if (text.Length is 0 or > 2000) return Back(channelId, userId, "Write a reply of 1 to 2000 characters.");
        var plan = await replies.SendAsync(channelId, userId, text, AgentName(http), ct);
        return Back(channelId, userId, plan.CanSend ? $"Reply sent ({(plan.Mode == ReplyMode.HumanAgent ? "tagged HUMAN_AGENT" : "normal response")})." : plan.Explanation);
    }

    private static async Task<IResult> AssignAsync(HttpContext http, ICustomerContextStore store, ConsoleEventHub events, string channelId, string userId, CancellationToken ct)
    {
        var me = AgentName(http);
        await store.UpdateAsync(channelId, userId, c =>
        {
            var changed = c.AssignedAgent != me;
            c.AssignedAgent = me;
            return changed;
        }, createIfMissing: false, ct);
        events.Publish(channelId, userId);
        return Back(channelId, userId, $"Assigned to {me}.");
    }

    private static async Task<IResult> TagAsync(HttpContext http, ICustomerContextStore store, IOptionsMonitor<CustomersOptions> options, ConsoleEventHub events, string channelId, string userId, CancellationToken ct)
    {
        var tag = CustomerTags.Normalize((await http.Request.ReadFormAsync(ct))["tag"].ToString());
        if (tag is null) return Back(channelId, userId, "That is not a valid tag.");
        var max = options.CurrentValue.MaxTags;
        var full = false;
        await store.UpdateAsync(channelId, userId, c =>
        {
            full = !c.Tags.Contains(tag) && c.Tags.Count >= max;
            return !full && c.AddTags([tag]);
        }, createIfMissing: false, ct);
        events.Publish(channelId, userId);
        return Back(channelId, userId, full ? $"A shopper can have at most {max} tags." : $"Tagged \"{tag}\".");
    }

    private static async Task<IResult> NoteAsync(HttpContext http, ICustomerContextStore store, IOptionsMonitor<CustomersOptions> options, TimeProvider time, ConsoleEventHub events, string channelId, string userId, CancellationToken ct)
    {
        var text = (await http.Request.ReadFormAsync(ct))["text"].ToString().Trim();
        var settings = options.CurrentValue;
        if (text.Length == 0 || text.Length > settings.NoteTextLimit) return Back(channelId, userId, $"A note is 1 to {settings.NoteTextLimit} characters.");
        var note = new CustomerNote { Id = Guid.NewGuid().ToString("N"), Text = text, Author = AgentName(http), At = time.GetUtcNow() };
        var full = false;
        await store.UpdateAsync(channelId, userId, c =>
        {
            full = c.Notes.Count >= settings.MaxNotes;
            if (!full) c.Notes.Add(note);
            return !full;
        }, createIfMissing: false, ct);
        events.Publish(channelId, userId);
        return Back(channelId, userId, full ? $"This shopper already has {settings.MaxNotes} notes." : "Note saved.");
    }

    private static async Task<IResult> HandBackAsync(HttpContext http, ICustomerContextStore store, IHandoverState handover, IEnumerable<IHandoverChangeListener> listeners,
        ConsoleEventHub events, ILoggerFactory loggers, string channelId, string userId, CancellationToken ct)
    {
        var existing = await store.GetAsync(channelId, userId, ct);
        if (existing is null) return Results.NotFound();
        var previous = HandoverSnapshot.Of(existing.Handover);
        var current = await handover.SetAsync(channelId, userId, HandoverStatus.BotOwns, ownerAppId: null, agentId: null, ct);
        var message = "Handed back to the bot.";
        if (previous.Status != current.Status)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.OnAgentChangedHandoverAsync(new HandoverChange(channelId, userId, previous, current), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    loggers.CreateLogger(typeof(InboxEndpoints).FullName!).LogError(ex, "Handover of {ChannelId}/{Person} changed to the bot but {Listener} could not follow", channelId, LoggedIds.Person(userId), listener.GetType().Name);
                    message = "The bot has the conversation again, but the channel could not be told; try again.";
                }
            }
        }
        events.Publish(channelId, userId);
        return Back(channelId, userId, message);
    }

    /// <summary>Server-Sent Events: one "change" event per person whose conversation or card changed.</summary>
    private static async Task StreamAsync(HttpContext http, ConsoleEventHub events, CancellationToken ct)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var (id, reader) = events.Subscribe();
        try
        {
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            await foreach (var change in reader.ReadAllAsync(ct))
            {
                await http.Response.WriteAsync($"event: change\ndata: {JsonSerializer.Serialize(new { person = change.Person })}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            events.Unsubscribe(id);
        }
    }

    private static string AgentName(HttpContext http) => http.User.Identity?.Name ?? "agent";

    private static IResult Back(string channelId, string userId, string message) =>
        Results.Redirect($"{ConsoleRoutes.Conversation(channelId, userId)}?sent={Uri.EscapeDataString(message)}");
}
