using GiftBot.Cli;

// giftbot <command> ...: a table of commands; each is a static RunAsync(args, output, ct) delivered by its capability.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var commands = new CommandTable()
    .Add("content check", "Check content files (Messenger limits, tokens, locales, FAQ, spelling) before they go live",
        GiftBot.Content.ContentCheckCommand.Usage, GiftBot.Content.ContentCheckCommand.RunAsync);

try
{
    return await commands.RunAsync(args, Console.Out, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
