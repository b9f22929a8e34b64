using GiftBot.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace GiftBot.Tests.Configuration;

public sealed class HostingDefaultsTests
{
    [Fact]
    public void ListensOnLocalhost3978_WhenNoAddressIsConfigured()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration["urls"] = null;

        builder.ListenOnBotFrameworkDefaultPort();

        Assert.Equal("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void KeepsTheConfiguredAddress_WhenOneIsGiven()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls", "http://0.0.0.0:8080"] });

        builder.ListenOnBotFrameworkDefaultPort();

        Assert.Equal("http://0.0.0.0:8080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }
}
