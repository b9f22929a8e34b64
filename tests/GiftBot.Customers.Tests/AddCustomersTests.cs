using GiftBot.Customers.Tests.Support;
using Microsoft.Extensions.Options;

namespace GiftBot.Customers.Tests;

public class AddCustomersTests
{
    [Theory]
    [InlineData("Customers:RecentMessageLimit", "0")]
    [InlineData("Customers:MessageTextLimit", "5")]
    [InlineData("AgentApi:MaxBodyBytes", "10")]
    [InlineData("AgentApi:ApiKey", "has a space but is long enough")]
    [InlineData("AgentApi:ApiKey", "short-key")]
    public void FailsStartUp_NamingTheKey_ForABadSetting(string key, string value)
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(services.ValidateOptions);

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void StartsWithDefaults_AndAnEmptyKeyMeaningDisabled()
    {
        using var services = new CustomerServices(settings: new Dictionary<string, string?> { ["AgentApi:ApiKey"] = "" });

        services.ValidateOptions();

        Assert.Equal(20, services.Get<IOptions<CustomersOptions>>().Value.RecentMessageLimit);
    }
}
