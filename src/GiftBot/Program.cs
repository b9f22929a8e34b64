using GiftBot.Bot;
using GiftBot.Configuration;
using GiftBot.Content;
using GiftBot.Health;
using Microsoft.Bot.Builder;

// .env first: it feeds the environment that configuration is built from (real environment variables win).
DotEnvFile.LoadIfPresent();

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnBotFrameworkDefaultPort();
builder.AddStructuredLogging();

builder.Services.AddSingleton<IStorage, MemoryStorage>();
builder.Services.AddSingleton<IBotText>(_ => BotText.Load(Path.Combine(AppContext.BaseDirectory, "content", "text"), "en-US"));
builder.Services.AddTransient<IBot, EchoBot>();
builder.AddBotFramework();
builder.AddHealth();

var app = builder.Build();
app.MapBotMessages();
app.MapHealth();
app.Run();

/// <summary>Lets functional tests start the real host with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program { }
