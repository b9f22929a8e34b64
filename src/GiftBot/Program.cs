using GiftBot.Bot;
using GiftBot.Catalog.Http;
using GiftBot.ChannelBridges;
using GiftBot.Conversations.Automations;
using GiftBot.Customers.Middleware;
using GiftBot.Endpoints;
using GiftBot.Messenger.AgentMessages;
using GiftBot.Customers.AgentApi;
using GiftBot.Configuration;
using GiftBot.Content;
using GiftBot.Conversations;
using GiftBot.Health;
using GiftBot.Language;
using GiftBot.Messenger;
using GiftBot.Messenger.AzureBotService;
using GiftBot.NativeHeap;
using GiftBot.Storage;
using GiftBot.Vocabulary;
using GiftBot.WebConsole;
using GiftBot.WebConsole.Privacy;

// .env first: it feeds the environment that configuration is built from (real environment variables win).
DotEnvFile.LoadFor(Directory.GetCurrentDirectory());
MallocArenas.Apply();                                         // Linux: native memory freed under load is reused, not kept per thread
MallocMmapThreshold.Apply();                                  // Linux: large native blocks are mapped whole, not left as holes in the heap

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnBotFrameworkDefaultPort();                    // http://localhost:3978 unless configured
builder.AddStructuredLogging();                               // Logging:Console:FormatterName=json for JSON lines
builder.Services.AddNativeHeapTrim(builder.Configuration);  // Linux: free native memory returned to the system every minute

builder.Services.AddStorage(builder.Configuration);           // bot state, inbox, jobs, funnel (SQLite, or PostgreSQL for many instances)
builder.Services.AddBotContent(builder.Configuration);        // persona, texts, FAQ, opening hours (content/)
builder.Services.AddCatalogWithBundledFiles(builder.Configuration); // products and themes (SQLite, seeded from content/catalog)
builder.Services.AddLanguageUnderstanding(builder.Configuration); // intents and slots (embedded ML.NET model, or CLU)
builder.Services.AddShopVocabulary();                         // catalog themes for the recognizer, loaded at start-up
builder.Services.AddConversations(builder.Configuration);     // the bot: one turn pipeline (greeting, FAQ, handover, gift finder, basket, follow-ups)
builder.Services.AddMessenger(builder.Configuration);         // Facebook webhook, inbox worker, Send API, customer cards
builder.Services.AddAssistantChannelBridges();                // profile, handover and proactive sends per channel
builder.Services.AddPublicAddress();                          // the bot's public address, for links to its own pictures
builder.AddBotFramework()                                     // /api/messages: CloudAdapter; the bot's turn error policy
    .AddBotMiddleware<DeleteUserDataMiddleware>()             // a channel's "forget me" (deleteUserData): the person's data deleted, nothing else runs
    .AddBotMiddleware<UnitOfWorkMiddleware>()                 // every adapter: one commit per turn (state, card, funnel, jobs)
    .AddBotMiddleware<FacebookChannelDataMiddleware>()        // every adapter: Azure Bot Service's Facebook channel, normalised
    .AddBotMiddleware<CustomerActivityMiddleware>();          // every adapter: context card, last messages, 24-hour window
builder.AddHealth();                                          // /health, /health/ready
builder.AddWebConsole();                                      // /console: sign-in, inbox, figures, privacy; /api/orders

var app = builder.Build();
app.MapCatalogImages();                                       // /catalog/images: the bundled catalog's pictures
app.MapBotMessages();
app.MapCatalogApi();
app.MapFacebookWebhook();
app.MapClickTracking();                                       // /r/product, /r/checkout: counted, then redirected
app.MapAgentApi().MapMessengerAgentMessages();                // /api/agent: context cards, tags, notes, agent replies
app.MapHealth();
app.MapWebConsole();
app.Run();

/// <summary>Lets functional tests start the real host with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program { }
