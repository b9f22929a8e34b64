using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GiftBot.WebConsole.Transcripts;

/// <summary>"Something changed for this person": fanned out to every open console page (Server-Sent Events).</summary>
public sealed class ConsoleEventHub
{
    private readonly ConcurrentDictionary<Guid, Channel<PersonChanged>> _subscribers = new();

    public void Publish(string channelId, string userId)
    {
        var change = new PersonChanged(channelId, userId);
        foreach (var subscriber in _subscribers.Values) subscriber.Writer.TryWrite(change);
    }

    public (Guid Id, ChannelReader<PersonChanged> Reader) Subscribe()
    {
        // A slow page drops old notices rather than holding memory: the next notice refreshes it anyway.
        var channel = Channel.CreateBounded<PersonChanged>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id) => _subscribers.TryRemove(id, out _);
}

public sealed record PersonChanged(string ChannelId, string UserId)
{
    public string Person => $"{ChannelId}/{UserId}";
}
