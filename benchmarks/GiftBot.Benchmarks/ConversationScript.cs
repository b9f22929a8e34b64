using System.Text.Json;

namespace GiftBot.Benchmarks;

/// <summary>What one simulated shopper sends, turn by turn, in one conversation; the driver repeats it in new conversations.</summary>
public sealed record ConversationScript(string Name, IReadOnlyList<string?> Turns)
{
    /// <summary>A plain echo turn, repeated: the baseline cost of the Bot Framework protocol itself.</summary>
    public static ConversationScript Echo { get; } = new("echo", ["hello bot"]);

    /// <summary>
    /// The Emulator opening a conversation (null = conversationUpdate: the welcome and "who is it for?"), then Ralph's
    /// four questions answered one by one, ending on the carousel of recommendations.
    /// </summary>
    public static ConversationScript GiftFinder { get; } = new("gift finder", [null, "my nephew", "8", "space", "under 50"]);

    /// <summary>A script by its <see cref="Name"/> (how the driver process is told which one to run).</summary>
    public static ConversationScript Named(string name) => name switch
    {
        "echo" => Echo,
        "gift finder" => GiftFinder,
        "new shopper" => Growth.GrowthBenchmark.NewShopper,
        _ => throw new ArgumentException($"Unknown conversation script {name}."),
    };

    /// <summary>An Emulator-style activity as JSON; built by hand so the load driver spends little CPU of its own.</summary>
    public static string ActivityJson(string serviceUrl, string conversationId, string userId, string? text)
    {
        var id = Guid.NewGuid().ToString("N");
        var common = $$"""
            "id":"{{id}}","timestamp":"{{DateTimeOffset.UtcNow:O}}","serviceUrl":"{{serviceUrl}}","channelId":"emulator",
            "from":{"id":"{{userId}}","name":"Shopper","role":"user"},"recipient":{"id":"bot-1","name":"GiftBot","role":"bot"},
            "conversation":{"id":"{{conversationId}}"},"locale":"en-US"
            """;
        return text is null
            ? $$"""{"type":"conversationUpdate",{{common}},"membersAdded":[{"id":"{{userId}}"},{"id":"bot-1"}]}"""
            : $$"""{"type":"message",{{common}},"text":{{JsonSerializer.Serialize(text)}},"textFormat":"plain"}""";
    }
}
