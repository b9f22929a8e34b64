using GiftBot.Language.Analysis;
using GiftBot.Language.Clu;
using GiftBot.Language.Embedded;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Tests.Clu;

[Collection(LanguageModelCollection.Name)]
public sealed class CluRecognizerTests(LanguageModelFixture fixture) : IAsyncLifetime
{
    private const string Key = "test-subscription-key";
    private const string Documented = """
        { "kind": "ConversationResult",
          "result": { "query": "for my mum who loves rockets, 8 years old, $40",
            "prediction": { "projectKind": "Conversation", "topIntent": "FindGift",
              "intents": [ { "category": "FindGift", "confidenceScore": 0.93 }, { "category": "Help", "confidenceScore": 0.04 }, { "category": "Gift.Wrap", "confidenceScore": 0.03 } ],
              "entities": [
                { "category": "recipient", "text": "mum", "offset": 7, "length": 3, "confidenceScore": 1,
                  "extraInformation": [ { "extraInformationKind": "ListKey", "key": "mother" } ] },
                { "category": "interest", "text": "rockets", "offset": 21, "length": 7, "confidenceScore": 0.9 },
                { "category": "Age", "text": "8 years old", "offset": 30, "length": 11, "confidenceScore": 1,
                  "resolutions": [ { "resolutionKind": "AgeResolution", "unit": "Year", "value": 8 } ] },
                { "category": "budget", "text": "$40", "offset": 43, "length": 3, "confidenceScore": 1,
                  "resolutions": [ { "resolutionKind": "CurrencyResolution", "ISO4217": "USD", "unit": "Dollar", "value": 40 } ] } ] } } }
        """;

    private LocalCluServer _server = null!;
    private readonly CapturingLogger<CluRecognizer> _logger = new();

    public async Task InitializeAsync() => _server = await LocalCluServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MapsTheDocumentedResponse_OntoIntentsAndOurEntityFormats()
    {
        _server.Respond = LocalCluServer.Json(Documented);

        var result = await Recognizer().RecognizeAsync(Turn("for my mum who loves rockets, 8 years old, $40"), CancellationToken.None);

        Assert.Equal(("FindGift", 0.93), result.GetTopScoringIntent());
        Assert.Equal(0.03, result.Intents["Gift_Wrap"].Score);
        var understood = result.ToShopperUnderstanding();
        Assert.Equal("mother", understood.Recipient);
        Assert.Equal(["space"], understood.Interests);
        Assert.Equal(new AgeRange(8, 8), understood.Age);
        Assert.Equal(new Budget(null, 40, "USD"), understood.Budget);
        Assert.NotNull(result.Properties["cluResult"]);
    }

    [Fact]
    public async Task FillsEntitiesCluDidNotReturn_WithOurExtractors()
    {
        _server.Respond = LocalCluServer.Json("""{ "kind": "ConversationResult", "result": { "prediction": { "intents": [ { "category": "FindGift", "confidenceScore": 0.8 } ], "entities": [] } } }""");

        var understood = (await Recognizer().RecognizeAsync(Turn("for my nephew who loves dinosaurs, under 30 euros"), CancellationToken.None)).ToShopperUnderstanding();

        Assert.Equal("nephew", understood.Recipient);
        Assert.Equal(["dinosaurs"], understood.Interests);
        Assert.Equal(new Budget(null, 30, "EUR"), understood.Budget);
    }

    [Fact]
    public async Task SendsTheDocumentedRequest()
    {
        _server.Respond = LocalCluServer.Json(Documented);
        var turn = Turn("gift for my mum");
        turn.Activity.Locale = "en-GB";

        await Recognizer(apiVersion: "2024-11-01").RecognizeAsync(turn, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-conversations", request.Path);
        Assert.Equal("?api-version=2024-11-01", request.Query);
        Assert.Equal(Key, request.Headers["Ocp-Apim-Subscription-Key"]);
        var body = JObject.Parse(request.Body);
        Assert.Equal("Conversation", (string?)body["kind"]);
        var item = body["analysisInput"]!["conversationItem"]!;
        Assert.Equal("gift for my mum", (string?)item["text"]);
        Assert.Equal("en-gb", (string?)item["language"]);
        Assert.Equal("text", (string?)item["modality"]);
        Assert.False(string.IsNullOrEmpty((string?)item["id"]));
        Assert.False(string.IsNullOrEmpty((string?)item["participantId"]));
        Assert.Equal("giftbot", (string?)body["parameters"]!["projectName"]);
        Assert.Equal("production", (string?)body["parameters"]!["deploymentName"]);
        Assert.Equal("Utf16CodeUnit", (string?)body["parameters"]!["stringIndexType"]);
        Assert.True((bool?)body["parameters"]!["verbose"]);
    }

    [Fact]
    public async Task FallsBackToTheEmbeddedRecognizer_OnTimeout()
    {
        _server.Respond = LocalCluServer.Hang;

        var result = await Recognizer(timeoutSeconds: 0.2).RecognizeAsync(Turn("a birthday present for my grandpa"), CancellationToken.None);

        Assert.Equal(GiftIntents.FindGift, result.GetTopScoringIntent().intent);
        Assert.Equal("grandfather", result.ToShopperUnderstanding().Recipient);
        Assert.Equal("timeout", result.Properties["cluFallback"]!.ToString());
        AssertWarnedWithoutSecrets("a birthday present for my grandpa");
    }

    [Theory]
    [InlineData(500, """{ "error": { "code": "InternalServerError" } }""")]
    [InlineData(401, """{ "error": { "code": "401", "message": "Access denied due to invalid subscription key" } }""")]
    [InlineData(200, "{ this is not json")]
    [InlineData(200, """{ "kind": "ConversationResult", "result": { } }""")]
    [InlineData(200, "[]")]
    public async Task FallsBackToTheEmbeddedRecognizer_OnErrorsAndMalformedAnswers(int status, string body)
    {
        _server.Respond = LocalCluServer.Json(body, status);

        var result = await Recognizer().RecognizeAsync(Turn("what's in my basket"), CancellationToken.None);

        Assert.Equal(GiftIntents.ViewBasket, result.GetTopScoringIntent().intent);
        Assert.NotNull(result.Properties["cluFallback"]);
        AssertWarnedWithoutSecrets("what's in my basket");
    }

    [Fact]
    public async Task FallsBackToTheEmbeddedRecognizer_WhenTheServiceIsUnreachable()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        _server = await LocalCluServer.StartAsync();

        var result = await Recognizer(endpoint: endpoint).RecognizeAsync(Turn("cancel"), CancellationToken.None);

        Assert.Equal(GiftIntents.Cancel, result.GetTopScoringIntent().intent);
        AssertWarnedWithoutSecrets("cancel");
    }

    [Fact]
    public async Task CallsCluOnce_WhenAskedTwiceInOneTurn()
    {
        _server.Respond = LocalCluServer.Json(Documented);
        var recognizer = Recognizer();
        var turn = Turn("gift for my mum");

        await recognizer.RecognizeAsync(turn, CancellationToken.None);
        await recognizer.RecognizeAsync(turn, CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    private void AssertWarnedWithoutSecrets(string text)
    {
        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(text, warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, warning.Message);
    }

    private static TurnContext Turn(string text) => new(new TestAdapter(), MessageFactory.Text(text));

    private CluRecognizer Recognizer(string apiVersion = "2023-04-01", double timeoutSeconds = 5, string? endpoint = null)
    {
        var options = Options.Create(new LanguageOptions
        {
            Recognizer = LanguageOptions.CluRecognizer,
            ModelCachePath = fixture.CacheDirectory,
            Clu = new CluOptions
            {
                Endpoint = endpoint ?? _server.Endpoint, Key = Key, ProjectName = "giftbot", DeploymentName = "production",
                ApiVersion = apiVersion, TimeoutSeconds = timeoutSeconds,
            },
        });
        var provider = new LanguageModelProvider(options, TestVocabulary.InterestVocabulary, TestVocabulary.FaqVocabulary,
            NullLogger<LanguageModelProvider>.Instance, new FakeTimeProvider());
        return new CluRecognizer(new PlainHttpClientFactory(), options, new EmbeddedRecognizer(provider), provider, new SlotParser(Lexicon.Load()), _logger);
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
