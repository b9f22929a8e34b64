namespace GiftBot.Cli;

public delegate Task<int> CommandHandler(string[] args, TextWriter output, CancellationToken ct);

/// <summary>
/// Dispatches "giftbot &lt;command words&gt; [arguments]" to the command whose words match (the longest match wins, so
/// "content check" and "content" can coexist). "help" lists the commands. Exit codes: the command's own; 2 for an unknown command.
/// </summary>
public sealed class CommandTable
{
    private readonly List<(string[] Words, string Summary, string Usage, CommandHandler Run)> _commands = [];

    public CommandTable Add(string name, string summary, string usage, CommandHandler run)
    {
        _commands.Add((name.Split(' ', StringSplitOptions.RemoveEmptyEntries), summary, usage, run));
        return this;
    }

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            WriteHelp(output);
            return 0;
        }
        var match = _commands
            .Where(c => c.Words.Length <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Length), StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Run is null)
        {
            output.WriteLine($"Unknown command '{string.Join(' ', args)}'.");
            WriteHelp(output);
            return 2;
        }
        return await match.Run(args[match.Words.Length..], output, ct);
    }

    private void WriteHelp(TextWriter output)
    {
        output.WriteLine("usage: dotnet run --project src/GiftBot.Cli -- <command> [options]");
        output.WriteLine();
        foreach (var command in _commands.OrderBy(c => string.Join(' ', c.Words), StringComparer.Ordinal))
        {
            output.WriteLine($"  {string.Join(' ', command.Words),-16} {command.Summary}");
            output.WriteLine($"  {"",-16} {command.Usage}");
        }
        output.WriteLine($"  {"help",-16} Show this list");
    }
}
