using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.FollowUps;
using GiftBot.Conversations.Greeting;
using GiftBot.Conversations.Tests.Infrastructure;
using GiftBot.Customers;
using GiftBot.Customers.Middleware;
using GiftBot.Customers.Context;
using GiftBot.Customers.Handover;
using GiftBot.Storage;
using GiftBot.Storage.Sqlite;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace GiftBot.Conversations.Tests.Automations;

/// <summary>
/// The bot as the host wires it (<see cref="ShippedBot"/>) over the real catalog, content and a SQLite job store, with a
/// fake clock and recording channel fakes. A second harness over the
/// same <see cref="AssistantWorld"/> is the bot after a restart.
/// </summary>
public sealed class AssistantHarness
{
    /// <summary>Tuesday 1 December 2026, 10:00 in Dublin (UTC in winter): the team is in.</summary>
    public static readonly DateTimeOffset OpenTuesday = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<BotContent> SharedContent = new(() => BotContent.Load(RepoPaths.Content));

    public AssistantHarness(ConversationFixture fixture, AssistantWorld world, IDictionary<string, string?>? settings = null,
        IRecognizer? recognizer = null, IUserProfileProvider? profiles = null, Func<IScheduledJobStore, IScheduledJobStore>? jobStore = null,
        FaqCatalog? faq = null, OpeningHours? hours = null)
    {
        World = world;
        IScheduledJobStore jobs = new SqliteScheduledJobStore(new SqliteDatabase(world.JobDatabasePath, synchronous: StorageSynchronousMode.Normal));
        var seams = new BotSeams(world.Storage, world.Funnel, jobStore is null ? jobs : jobStore(jobs), world.Sender, world.Clock)
        {
            Recognizer = recognizer,
            Handoff = world.Handoff,
        };
        Services = ShippedBot.Build(fixture, seams, settings, seamsBeforeContent: services =>
        {
            if (faq is not null) services.AddSingleton(faq);
            if (hours is not null)
            {
                services.AddSingleton(hours);
                services.AddSingleton(new HoursText(hours, SharedContent.Value.Text, SharedContent.Value.DefaultLocale));
            }
        }, extend: services =>
        {
            if (profiles is not null) services.Replace(ServiceDescriptor.Singleton(profiles));
        });
    }

    public AssistantWorld World { get; }
    public IServiceProvider Services { get; }
    public IBot Bot => Services.GetRequiredService<IBot>();
    public FakeTimeProvider Clock => World.Clock;
    public FollowUpRunner FollowUps => Services.GetRequiredService<FollowUpRunner>();
    public IScheduledJobStore Jobs => Services.GetRequiredService<IScheduledJobStore>();
    public IHandoverState Handover => Services.GetRequiredService<IHandoverState>();
    public ICustomerContextStore Customers => Services.GetRequiredService<ICustomerContextStore>();
    public CustomerActivityMiddleware CustomerMiddleware => Services.GetRequiredService<CustomerActivityMiddleware>();

    public AssistantChat Chat(string channelId = "emulator", string conversationId = "convo-1", string userId = "user-1", string? locale = "en-US") =>
        new(this, channelId, conversationId, userId, locale);

    /// <summary>A line as this bot says it to a shopper: the Page's tokens, the name and "back at" for their time zone, at the fake clock's time.</summary>
    public string Say(string key, string? firstName = null, string locale = "en-US", string? timeZone = null) =>
        Text(key, Services.GetRequiredService<BotTokens>().ForShopper(new ShopperTokens(firstName, locale, timeZone)), locale);

    public static string Text(string key, IReadOnlyDictionary<string, string?>? tokens = null, string locale = "en-US") =>
        SharedContent.Value.Text.Get(key, locale, tokens);

    public static string Text(string key, string token, string? value, string locale = "en-US") =>
        Text(key, new Dictionary<string, string?> { [token] = value }, locale);

    public static BotContent Content => SharedContent.Value;
}

/// <summary>What outlives one bot process: the stores, the clock, and what the channel delivered.</summary>
public sealed class AssistantWorld : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giftbot-assistant-tests", Guid.NewGuid().ToString("N"));

    /// <param name="plainJsonState">Bot state in SQLite (values come back as JSON, as in production) instead of MemoryStorage.</param>
    public AssistantWorld(DateTimeOffset? now = null, bool plainJsonState = false)
    {
        Directory.CreateDirectory(_folder);
        Clock = new FakeTimeProvider(now ?? AssistantHarness.OpenTuesday);
        Storage = plainJsonState
            ? new SqliteStorage(new SqliteDatabase(Path.Combine(_folder, "state.db"), synchronous: StorageSynchronousMode.Normal))
            : new MemoryStorage();
    }

    public FakeTimeProvider Clock { get; }
    public IStorage Storage { get; }
    public InMemoryFunnelEventStore Funnel { get; } = new();
    public RecordingProactiveSender Sender { get; } = new();
    public RecordingHumanHandoff Handoff { get; } = new();
    public string JobDatabasePath => Path.Combine(_folder, "jobs.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
