using GiftBot.Customers.Context;
using GiftBot.Customers.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace GiftBot.Customers.Tests.Context;

public class CustomerContextStoreTests
{
    [Fact]
    public async Task CreatesACard_OnFirstChange_AndReadsItBack()
    {
        using var services = new CustomerServices();

        await services.Store.SetProfileAsync("facebook", "psid-1", "Ada", "en_GB", "1", services.Clock.GetUtcNow(), default);
        var card = await services.Store.GetAsync("facebook", "psid-1", default);

        Assert.NotNull(card);
        Assert.Equal("Ada", card.Profile.FirstName);
        Assert.Equal("en_GB", card.Profile.Locale);
        Assert.Equal(CustomerServices.Start, card.CreatedAt);
        Assert.Equal(HandoverStatus.BotOwns, card.Handover.Status);
    }

    [Fact]
    public async Task DoesNotCreateACard_WhenAskedToChangeOnlyExistingOnes()
    {
        using var services = new CustomerServices();

        var result = await services.Store.UpdateAsync("facebook", "nobody", c => c.AddTags(["vip"]), createIfMissing: false, default);

        Assert.Null(result);
        Assert.Null(await services.Store.GetAsync("facebook", "nobody", default));
    }

    [Fact]
    public async Task KeepsTheFirstEntry_AndReplacesTheLatest()
    {
        using var services = new CustomerServices();
        var ad = new EntrySource { Source = "ADS", AdId = "6045246247433", AdTitle = "Spring gifts", At = CustomerServices.Start };
        var link = new EntrySource { Source = "SHORTLINK", Ref = "xmas-landing", At = CustomerServices.Start.AddDays(3) };

        await services.Store.RecordEntryAsync("facebook", "psid-1", ad, default);
        await services.Store.RecordEntryAsync("facebook", "psid-1", link, default);
        var card = await services.Store.GetAsync("facebook", "psid-1", default);

        Assert.Equal("ADS", card!.FirstEntry!.Source);
        Assert.Equal("Spring gifts", card.FirstEntry.AdTitle);
        Assert.Equal("xmas-landing", card.LatestEntry!.Ref);
    }

    [Fact]
    public async Task ReappliesTheChange_WhenAnotherWriterChangedTheCardInBetween()
    {
        var storage = new InterferingStorage(new MemoryStorage());
        using var services = new CustomerServices(storage);
        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["vip"]), createIfMissing: true, default);

        // An agent adds a note between this change's read and its write.
        storage.BeforeNextWrite = () => services.Store.UpdateAsync("facebook", "psid-1", c =>
        {
            c.Notes.Add(new CustomerNote { Id = "n1", Text = "prefers wooden toys", Author = "alice" });
            return true;
        }, createIfMissing: false, default);
        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["needs agent"]), createIfMissing: false, default);

        var card = await services.Store.GetAsync("facebook", "psid-1", default);
        Assert.Equal(["needs agent", "vip"], card!.Tags);
        Assert.Equal("prefers wooden toys", Assert.Single(card.Notes).Text);
    }

    [Fact]
    public async Task ReappliesTheChange_OnSqliteConcurrencyConflicts()
    {
        using var database = new TempDatabase();
        var storage = new InterferingStorage(await database.OpenStorageAsync());
        using var services = new CustomerServices(storage);
        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["vip"]), createIfMissing: true, default);

        storage.BeforeNextWrite = () => services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["feedback"]), createIfMissing: false, default);
        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["order problem"]), createIfMissing: false, default);

        var card = await services.Store.GetAsync("facebook", "psid-1", default);
        Assert.Equal(["feedback", "order problem", "vip"], card!.Tags);
    }

    [Fact]
    public async Task ReadsACardFromTheSqliteStore_AsItWasWritten_AndUpdatesItWithoutAConflict()
    {
        using var database = new TempDatabase();
        var storage = await database.OpenStorageAsync();
        using var services = new CustomerServices(storage);
        await services.Store.SetProfileAsync("facebook", "psid-1", "2031-03-02T09:00:00Z", "en_GB", "1", services.Clock.GetUtcNow(), default);
        // A field written by a newer version is ignored on read, as it always was.
        var key = CustomerKey.For("facebook", "psid-1");
        var stored = (JObject)(await storage.ReadAsync([key]))[key];
        stored["FromANewerVersion"] = new JArray(1, 2);
        await storage.WriteAsync(new Dictionary<string, object> { [key] = stored });

        var card = await services.Store.GetAsync("facebook", "psid-1", default);
        Assert.Equal("2031-03-02T09:00:00Z", card!.Profile.FirstName); // a date-like string keeps its exact text
        Assert.Equal(CustomerServices.Start, card.CreatedAt);
        Assert.Equal(((JObject)(await storage.ReadAsync([key]))[key])["eTag"]!.Value<string>(), card.ETag);

        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["vip"]), createIfMissing: false, default);
        await services.Store.UpdateAsync("facebook", "psid-1", c => c.AddTags(["feedback"]), createIfMissing: false, default);
        Assert.Equal(["feedback", "vip"], (await services.Store.GetAsync("facebook", "psid-1", default))!.Tags);
    }

    [Fact]
    public async Task KeepsIdsWithSlashesApart()
    {
        using var services = new CustomerServices();

        await services.Store.SetProfileAsync("webchat", "a/b", "First", null, null, CustomerServices.Start, default);
        await services.Store.SetProfileAsync("webchat/a", "b", "Second", null, null, CustomerServices.Start, default);

        Assert.Equal("First", (await services.Store.GetAsync("webchat", "a/b", default))!.Profile.FirstName);
        Assert.Equal("Second", (await services.Store.GetAsync("webchat/a", "b", default))!.Profile.FirstName);
    }

    [Fact]
    public async Task ListsWaitingCustomers_LongestWaitingFirst_WithTotalsAndPages()
    {
        using var services = new CustomerServices();
        foreach (var (user, minutesAgo) in new[] { ("u1", 5), ("u2", 50), ("u3", 20) })
        {
            await services.Store.UpdateAsync("facebook", user, c => c.SetHandover(HandoverStatus.WaitingForAgent, CustomerServices.Start.AddMinutes(-minutesAgo), null, null), true, default);
        }

        await services.Store.UpdateAsync("facebook", "u4", c => c.AddTags(["vip"]), true, default);

        var first = await services.Store.ListAsync(new CustomerQuery { Status = HandoverStatus.WaitingForAgent, PageSize = 2 }, default);
        var second = await services.Store.ListAsync(new CustomerQuery { Status = HandoverStatus.WaitingForAgent, PageSize = 2, Page = 2 }, default);

        Assert.Equal(3, first.Total);
        Assert.Equal(["u2", "u3"], first.Items.Select(i => i.UserId));
        Assert.Equal(["u1"], second.Items.Select(i => i.UserId));
    }

    [Fact]
    public async Task ListsEveryone_MostRecentlyActiveFirst_AndFiltersByTagAndAssignee()
    {
        using var services = new CustomerServices();
        await services.Store.UpdateAsync("facebook", "old", c => c.RecordInteraction(CustomerServices.Start.AddHours(-5), true) | c.AddTags(["vip"]), true, default);
        await services.Store.UpdateAsync("facebook", "new", c => c.RecordInteraction(CustomerServices.Start.AddHours(-1), true), true, default);
        await services.Store.UpdateAsync("emulator", "mid", c => { c.AssignedAgent = "alice"; return c.RecordInteraction(CustomerServices.Start.AddHours(-3), true); }, true, default);

        var all = await services.Store.ListAsync(new CustomerQuery(), default);
        var vip = await services.Store.ListAsync(new CustomerQuery { Tag = "vip" }, default);
        var alice = await services.Store.ListAsync(new CustomerQuery { AssignedAgent = "Alice" }, default);

        Assert.Equal(["new", "mid", "old"], all.Items.Select(i => i.UserId));
        Assert.Equal("old", Assert.Single(vip.Items).UserId);
        Assert.Equal("emulator", Assert.Single(alice.Items).ChannelId);
    }

    /// <summary>Runs a concurrent change right before the next write, like a second turn or an agent racing this one.</summary>
    private sealed class InterferingStorage(IStorage inner) : IStorage
    {
        public Func<Task>? BeforeNextWrite { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (BeforeNextWrite is { } interfere && changes.Keys.Any(k => k.StartsWith(CustomerKey.Prefix, StringComparison.Ordinal)))
            {
                BeforeNextWrite = null;
                await interfere();
            }

            await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
