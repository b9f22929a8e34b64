using GiftBot.Customers.AgentApi;
using GiftBot.Customers.Tests.Support;

namespace GiftBot.Customers.Tests.AgentApi;

public class UserStateDocumentTests
{
    [Fact]
    public async Task ReadsBasketAndRecipients_FromMemoryStorage_WithoutTypeNames()
    {
        using var services = new CustomerServices();
        await UserStateSeed.WriteAsync(services.Storage, "emulator", "user-1");

        var userState = await services.Get<UserStateDocument>().ReadAsync("emulator", "user-1", default);

        Assert.NotNull(userState);
        Assert.Equal("First Telescope 50 mm", (string?)userState["basket"]!["Items"]![0]!["Title"]);
        Assert.Equal(8, (int?)userState["recipients"]!["Profiles"]![0]!["AgeMin"]);
        Assert.DoesNotContain("$type", userState.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesConfiguredPropertyNames()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?>
        {
            ["AgentApi:UserStateProperties:basket"] = "ShoppingCart",
        });
        await UserStateSeed.WriteAsync(services.Storage, "emulator", "user-1");

        var userState = await services.Get<UserStateDocument>().ReadAsync("emulator", "user-1", default);

        Assert.False(userState!.ContainsKey("basket"));
        Assert.True(userState.ContainsKey("recipients"));
    }
}
