using System.Collections.Concurrent;
using GiftBot.Content;
using GiftBot.Testing.BotFramework;
using GiftBot.Tests.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Tests.Bot;

/// <summary>A conversation whose stored state cannot be read (corrupt, older format) is reset with an apology instead of failing every later turn.</summary>
public sealed class UnreadableStateTests : IAsyncLifetime
{
    private readonly UnreadableStorage _storage = new();
    private BotConnectorStandIn _connector = null!;
    private GiftBotApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await BotConnectorStandIn.StartAsync();
        _app = new GiftBotApp(configureServices: services =>
        {
            services.AddSingleton<IStorage>(_storage);
            services.AddSingleton(new ConversationState(_storage));
            services.AddTransient<IBot>(sp => new DelegateBot(async (turn, ct) =>
            {
                var state = sp.GetRequiredService<ConversationState>();
                var visits = await state.CreateProperty<int>("Visits").GetAsync(turn, () => 0, ct);
                await state.CreateProperty<int>("Visits").SetAsync(turn, visits + 1, ct);
                await turn.SendActivityAsync(MessageFactory.Text($"visit {visits + 1}"), ct);
                await state.SaveChangesAsync(turn, cancellationToken: ct);
            }));
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ApologisesAndStartsFresh_WhenTheStoredStateCannotBeRead()
    {
        await SendAsync("hi");
        _storage.MakeUnreadable("emulator/conversations/conv-old");

        await SendAsync("hi again");
        await SendAsync("and again");

        var texts = _connector.MessagesIn("conv-old").Select(m => m.Text).ToList();
        Assert.Equal(["visit 1", _app.Services.GetRequiredService<IBotText>().Get("persona.stateReset"), "visit 1"], texts);
    }

    private Task<HttpResponseMessage> SendAsync(string text) =>
        _app.CreateClient().PostActivityAsync(EmulatorActivities.Message(_connector.ServiceUrl, "conv-old", text));

    /// <summary>MemoryStorage whose chosen keys fail to deserialize on read, like a row written by an older version, until deleted.</summary>
    private sealed class UnreadableStorage : IStorage
    {
        private readonly MemoryStorage _inner = new();
        private readonly ConcurrentDictionary<string, bool> _unreadable = new();

        public void MakeUnreadable(string key) => _unreadable[key] = true;

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            keys.Any(_unreadable.ContainsKey)
                ? throw new Newtonsoft.Json.JsonSerializationException("Error converting stored state.")
                : _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            foreach (var key in keys) _unreadable.TryRemove(key, out _);
            return _inner.DeleteAsync(keys, cancellationToken);
        }
    }
}
