using GiftBot.Catalog.Import;
using GiftBot.Cli;
using Microsoft.Extensions.Options;

// giftbot <command> ...: a table of commands; each is a static RunAsync(args, output, ct) delivered by its capability.
// Commands that touch the bot's data get the bot's own settings (BotSettings), so they act on what the bot reads.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var bot = new Lazy<BotSettings>(() => BotSettings.Load(Directory.GetCurrentDirectory()));

var commands = new CommandTable()
    .Add("content check", "Check content files (Messenger limits, tokens, locales, FAQ, spelling) before they go live",
        GiftBot.Content.ContentCheckCommand.Usage, GiftBot.Content.ContentCheckCommand.RunAsync)
    .Add("catalog import", "Import a product feed (Facebook catalog CSV) into the bot's catalog; a feed with too many bad rows is refused",
        CatalogImportCommand.Usage,
        (args, output, ct) => CatalogImportCommand.RunAsync(args, bot.Value.Catalog, bot.Value.CatalogFeeds, output, ct))
    .Add("catalog publish", "Publish a product feed to the shared store: every running instance (PostgreSQL: all of them) imports it within Catalog:RefreshInterval",
        GiftBot.CatalogSharing.CatalogPublishCommand.Usage,
        (args, output, ct) => GiftBot.CatalogSharing.CatalogPublishCommand.RunAsync(args, bot.Value.Configuration, output, ct))
    .Add("messenger profile", "Set the Page's Get Started, greeting, ice breakers and persistent menu from content/messenger-profile.json",
        "messenger profile [--content <dir>] [--dry-run]",
        (args, output, ct) => GiftBot.Messenger.Commands.MessengerProfileCommand.RunAsync(args, bot.Value.Configuration, output, ct))
    .Add("messenger links", "Print m.me links, write QR codes and the click-to-Messenger ad welcome JSON for each entry preset",
        "messenger links [--content <dir>] [--out <dir>] [--page <name>]",
        (args, output, ct) => GiftBot.Messenger.Commands.MessengerLinksCommand.RunAsync(args, bot.Value.Configuration, output, ct))
    .Add("messenger persona", "Register the persona (name, picture) with the Page's Personas API; re-created only when they change",
        "messenger persona [--content <dir>] [--dry-run]",
        (args, output, ct) => GiftBot.Messenger.Commands.MessengerPersonaCommand.RunAsync(args, bot.Value.Configuration, output, ct))
    .Add("agents", "Create console accounts (password read from standard input), reset a password, list accounts",
        GiftBot.WebConsole.Commands.AgentsCommand.Usage,
        (args, output, ct) => GiftBot.WebConsole.Commands.AgentsCommand.RunAsync(args, bot.Value.Configuration, output, ct))
    .Add("report", "The console's figures per entry source (conversations to revenue, ROAS), team responsiveness; --csv for a spreadsheet",
        GiftBot.WebConsole.Commands.ReportCommand.Usage,
        (args, output, ct) => GiftBot.WebConsole.Commands.ReportCommand.RunAsync(args, bot.Value.Configuration, output, ct));

// A wrong setting or an unexpected failure is one line naming what to fix, never a stack trace.
try
{
    return await commands.RunAsync(args, Console.Out, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (OptionsValidationException ex)
{
    foreach (var failure in ex.Failures) Console.Error.WriteLine($"Setting error: {failure}");
    return 2;
}
catch (Exception ex)
{
    // The outer message names the setting (configuration binding) where the inner one only says what was wrong.
    Console.Error.WriteLine($"Failed: {ex.Message.ReplaceLineEndings(" ")}");
    return 1;
}
finally
{
    if (bot.IsValueCreated) bot.Value.Dispose();
}
