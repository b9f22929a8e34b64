using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Dialogs.Tests;

/// <summary>Attachment content written straight through is the JSON the SDK's converter wrote, whatever the content holds.</summary>
public sealed class AttachmentContentJsonTests
{
    private static readonly JsonSerializerSettings Sdk = new() { NullValueHandling = NullValueHandling.Ignore, ContractResolver = new DefaultContractResolver() };
    private static readonly JsonSerializerSettings Direct = new() { NullValueHandling = NullValueHandling.Ignore, ContractResolver = new DirectResolver() };

    public static TheoryData<string> Contents() => [.. Samples.Keys];

    [Theory]
    [MemberData(nameof(Contents))]
    public void Content_IsWrittenAsTheSdkWroteIt(string sample)
    {
        var activity = MessageFactory.Carousel(Samples[sample]());

        Assert.Equal(JsonConvert.SerializeObject(activity, Sdk), JsonConvert.SerializeObject(activity, Direct));
    }

    // Wherever the SDK's walk finds a stream (a property, a dictionary value, a list item, a static property), it writes it.
    [Fact]
    public void ContentHoldingAMemoryStream_GoesToTheSdksConverter()
    {
        object[] contents =
        [
            new { file = new MemoryStream([1, 2, 3]) },
            new { files = new Dictionary<string, object> { ["x"] = new MemoryStream([1]) } },
            new { files = new List<object> { "a", new MemoryStream([2]) } },
            new WithStaticStream(),
        ];

        foreach (var content in contents)
        {
            var activity = MessageFactory.Attachment(new Attachment("application/octet-stream", content: content));

            var json = JsonConvert.SerializeObject(activity, Direct);

            Assert.Equal(JsonConvert.SerializeObject(activity, Sdk), json);
            Assert.Contains("\"$type\":\"MemoryStream\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OnlyAttachmentContentIsChanged()
    {
        var resolver = new DirectResolver();

        var content = ((JsonObjectContract)resolver.ResolveContract(typeof(Attachment))).Properties.GetClosestMatchProperty("content")!;
        var value = ((JsonObjectContract)resolver.ResolveContract(typeof(Activity))).Properties.GetClosestMatchProperty("value")!;

        Assert.NotNull(content.Converter);
        Assert.NotEqual("AttachmentMemoryStreamConverter", content.Converter.GetType().Name);
        Assert.Null(value.Converter);
    }

    [Fact]
    public void ReadingIsTheSdksConverters()
    {
        var activity = MessageFactory.Carousel([new HeroCard("Rocket", buttons: [new CardAction(ActionTypes.PostBack, "Add", value: "add:1")]).ToAttachment()]);
        var json = JsonConvert.SerializeObject(activity, Sdk);

        var read = JsonConvert.DeserializeObject<Activity>(json, Direct)!;

        Assert.Equal(JsonConvert.SerializeObject(JsonConvert.DeserializeObject<Activity>(json, Sdk), Sdk), JsonConvert.SerializeObject(read, Sdk));
        Assert.IsType<JObject>(read.Attachments[0].Content);
    }

    private static readonly Dictionary<string, Func<IList<Attachment>>> Samples = new()
    {
        ["hero cards with buttons"] = () =>
        [
            new HeroCard("Rocket kit", "€24.99", "Builds a rocket that flies 30 m", [new CardImage("https://example.com/r.png", "rocket")],
                [new CardAction(ActionTypes.PostBack, "Add to basket", value: "basket:add:r1"), new CardAction(ActionTypes.OpenUrl, "See it", value: "https://example.com/r")],
                new CardAction(ActionTypes.OpenUrl, value: "https://example.com/r")).ToAttachment(),
            new HeroCard("Telescope", buttons: [new CardAction(ActionTypes.PostBack, "More like this", value: new JObject { ["more"] = "t1", ["n"] = 2.5 })]).ToAttachment(),
        ],
        ["adaptive card as JObject"] = () =>
        [
            new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi \u00e9 \"x\"","wrap":true,"size":null}],"n":1.0,"big":12345678901234,"d":"2026-12-06T10:00:00+01:00"}""")),
        ],
        ["objects with dates, numbers, dictionaries and nulls"] = () =>
        [
            new Attachment("application/json", content: new
            {
                at = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(1)),
                local = new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc),
                price = 24.99m,
                ratio = 0.1 + 0.2,
                missing = (string?)null,
                tags = new[] { "space", "ça" },
                extra = new Dictionary<string, object?> { ["a"] = 1, ["b"] = null, ["c"] = new List<object> { "x", 2L, true } },
                bytes = new byte[] { 1, 2, 3 },
            }),
        ],
        ["receipt and thumbnail cards"] = () =>
        [
            new ReceiptCard("Your order", [new Fact("Order", "1234")], [new ReceiptItem("Rocket", price: "€24.99", quantity: "1")], total: "€24.99").ToAttachment(),
            new ThumbnailCard("Kite", images: [new CardImage("https://example.com/k.png")]).ToAttachment(),
        ],
        ["text and arrays with nulls"] = () =>
        [
            new Attachment("application/json", content: new { items = new object?[] { null, "s", 3 }, nested = new { deeper = new { deepest = "x" } } }),
            new Attachment("text/plain", content: "just text"),
        ],
    };

    private sealed class WithStaticStream
    {
        public static MemoryStream Shared { get; } = new([4, 5]);

        public string Name { get; set; } = "a";
    }

    private sealed class DirectResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization) =>
            AttachmentContentJson.WriteDirectly(base.CreateProperty(member, memberSerialization));
    }
}
