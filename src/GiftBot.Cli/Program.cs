using GiftBot.Cli;

// giftbot <command> ...: a table of commands; each is a static RunAsync(args, output, ct) delivered by its capability.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var commands = new CommandTable()
    .Add("content check", "Check content files (Messenger limits, tokens, locales, FAQ, spelling) before they go live",
        GiftBot.Content.ContentCheckCommand.Usage, GiftBot.Content.ContentCheckCommand.RunAsync)
    .Add("catalog import", "Import a product feed (Facebook catalog CSV); bad rows are reported by line, the old catalog stays on failure",
        "catalog import <feed.csv> [--db <catalog.db>] [--currency <ISO code>]", GiftBot.Catalog.Import.CatalogImportCommand.RunAsync)
    .Add("catalog publish", "Publish a product feed to the shared store: every running instance (PostgreSQL: all of them) imports it within Catalog:RefreshInterval",
        GiftBot.CatalogSharing.CatalogPublishCommand.Usage, GiftBot.CatalogSharing.CatalogPublishCommand.RunAsync)
    .Add("messenger profile", "Set the Page's Get Started, greeting, ice breakers and persistent menu from content/messenger-profile.json",
        "messenger profile [--content <dir>] [--dry-run]", GiftBot.Messenger.Commands.MessengerProfileCommand.RunAsync)
    .Add("messenger links", "Print m.me links, write QR codes and the click-to-Messenger ad welcome JSON for each entry preset",
        "messenger links [--content <dir>] [--out <dir>] [--page <name>]", GiftBot.Messenger.Commands.MessengerLinksCommand.RunAsync)
    .Add("messenger persona", "Register the persona (name, picture) with the Page's Personas API; re-created only when they change",
        "messenger persona [--content <dir>] [--dry-run]", GiftBot.Messenger.Commands.MessengerPersonaCommand.RunAsync)
    .Add("agents", "Create console accounts (password read from standard input), reset a password, list accounts",
        GiftBot.WebConsole.Commands.AgentsCommand.Usage, GiftBot.WebConsole.Commands.AgentsCommand.RunAsync)
    .Add("report", "The console's figures per entry source (conversations to revenue, ROAS), team responsiveness; --csv for a spreadsheet",
        GiftBot.WebConsole.Commands.ReportCommand.Usage, GiftBot.WebConsole.Commands.ReportCommand.RunAsync);

try
{
    return await commands.RunAsync(args, Console.Out, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
