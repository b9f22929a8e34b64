using GiftBot.WebConsole.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace GiftBot.WebConsole.Tests;

/// <summary>A message stored straight from its UTF-8 reads back as the JSON it was, whatever characters it holds.</summary>
public sealed class TranscriptActivityJsonTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StoredMessage_ReadsBackAsItsJson_WithNonAsciiTextAcrossBufferEdges(bool inbound)
    {
        // Lengths around the kept buffer's chunk edges, so an emoji's two UTF-16 halves fall in two chunks somewhere.
        for (var length = 0; length < 9000; length += 997)
        {
            var text = "café 🎁 " + new string('x', length) + string.Concat(Enumerable.Repeat("🚀ü", 300));
            var activity = (Activity)MessageFactory.Carousel([new HeroCard("Rocket 🚀", "€24.99").ToAttachment()], text);
            activity.ChannelId = "emulator";
            activity.From = new ChannelAccount("u1", "Zoë");

            var stored = TranscriptActivityJson.SerializeCompressed(activity, inbound);

            Assert.Equal(TranscriptActivityJson.Serialize(activity, inbound), TranscriptActivityJson.Decompress(stored));
            Assert.Equal(TranscriptActivityJson.Compress(TranscriptActivityJson.Serialize(activity, inbound)), stored);
        }
    }
}
