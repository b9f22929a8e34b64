using GiftBot.Customers.Context;
using GiftBot.Messenger.Personas;
using GiftBot.Messenger.Tests.Support;
using GiftBot.Messenger.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GiftBot.Messenger.Tests.Customers;

public sealed class ProfileAndPersonaTests : MessengerServicesFixture
{
    private const string ProfilePath = "/v25.0/" + MetaSamples.Psid;

    private MessengerUserProfiles Profiles => Services.GetRequiredService<MessengerUserProfiles>();

    [Fact]
    public async Task UserProfile_IsFetchedOnce_ThenCached_AndWrittenToTheCustomerCard()
    {
        Graph.On("GET", ProfilePath).Respond(200, new { first_name = "Ann", locale = "fr_FR", timezone = 1, id = MetaSamples.Psid });

        var first = await Profiles.GetAsync(MetaSamples.Psid, CancellationToken.None);
        var second = await Profiles.GetAsync(MetaSamples.Psid, CancellationToken.None);

        Assert.Equal(new MessengerUserProfile("Ann", "fr_FR", "1"), first);
        Assert.Equal(first, second);
        var request = Assert.Single(Graph.RequestsTo(ProfilePath));
        Assert.Equal("first_name,locale,timezone", request.Query["fields"]);
        Assert.True(request.Query.ContainsKey("appsecret_proof"));
        var card = await Services.GetRequiredService<ICustomerContextStore>().GetAsync("facebook", MetaSamples.Psid, CancellationToken.None);
        Assert.Equal(("Ann", "fr_FR", "1"), (card!.Profile.FirstName, card.Profile.Locale, card.Profile.TimeZone));
    }

    [Fact]
    public async Task EmptyProfile_DegradesToUnknown_AndIsNotAskedAgainAtOnce()
    {
        Graph.On("GET", ProfilePath).Respond(200, new { });

        var profile = await Profiles.GetAsync(MetaSamples.Psid, CancellationToken.None);
        await Profiles.GetAsync(MetaSamples.Psid, CancellationToken.None);

        Assert.Equal(MessengerUserProfile.Unknown, profile);
        Assert.Single(Graph.RequestsTo(ProfilePath));
    }

    [Fact]
    public async Task ProfileError_DegradesToUnknown_WithoutFailing()
    {
        Graph.On("GET", ProfilePath).Respond(400, new { error = new { message = "No profile available for that user.", code = 100, error_subcode = 2018218, fbtrace_id = "T1" } });

        var profile = await Profiles.GetAsync(MetaSamples.Psid, CancellationToken.None);

        Assert.Equal(MessengerUserProfile.Unknown, profile);
    }

    [Fact]
    public async Task StoredPersona_IsPutOnEveryMessage_WhenNoneIsConfigured()
    {
        await Services.GetRequiredService<PersonaStore>().SaveAsync(MetaSamples.PageId,
            new PersonaRecord("persona-42", PersonaRecord.FingerprintOf("Pip", "https://x.example/p.png"), "Pip", "https://x.example/p.png", Clock.GetUtcNow()), CancellationToken.None);

        await Adapter.ProcessActivityAsync(UserText("hi"), (turn, ct) => turn.SendActivityAsync("Hello!", cancellationToken: ct), CancellationToken.None);

        Assert.Equal("persona-42", (string?)Assert.Single(SentMessages).Json!["persona_id"]);
    }

    [Fact]
    public async Task WithoutAnyPersona_MessagesAreSentWithoutPersonaId()
    {
        await Adapter.ProcessActivityAsync(UserText("hi"), (turn, ct) => turn.SendActivityAsync("Hello!", cancellationToken: ct), CancellationToken.None);

        var request = Assert.Single(SentMessages).Json!;
        Assert.Null(request["persona_id"]);
        Assert.Equal("RESPONSE", (string?)request["messaging_type"]);
    }
}
