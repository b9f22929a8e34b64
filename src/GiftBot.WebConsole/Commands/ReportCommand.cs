using System.Globalization;
using GiftBot.WebConsole.Figures;
using Microsoft.Extensions.Configuration;

namespace GiftBot.WebConsole.Commands;

/// <summary><c>report [--from yyyy-mm-dd] [--to yyyy-mm-dd] [--touch first|last] [--csv] [--db path]</c>: the console's figures in a terminal.</summary>
public static class ReportCommand
{
    public const string Usage = "report [--from <yyyy-mm-dd>] [--to <yyyy-mm-dd>] [--touch first|last] [--csv] [--db <giftbot.db>]";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct) => RunAsync(args, null, output, ct);

    /// <summary>Without --db the figures come from where the bot keeps them (its PostgreSQL database when Storage:Provider is Postgres).</summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration? configuration, TextWriter output, CancellationToken ct)
    {
        var options = ConsoleDatabase.Options(args, out var positional, "--csv");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly from = default, to = today;
        if (options is null || positional.Count > 0
            || (options.TryGetValue("--to", out var toText) && !DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
            || (options.TryGetValue("--from", out var fromText) && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            || (options.TryGetValue("--touch", out var touchText) && touchText is not ("first" or "last")))
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        if (from == default) from = to.AddDays(-29);
        var touch = options.GetValueOrDefault("--touch") == "last" ? Touch.Last : Touch.First;
        var path = ConsoleDatabase.PathFrom(options.GetValueOrDefault("--db"));
        await using var postgres = ConsoleDatabase.Postgres(options.GetValueOrDefault("--db"), configuration);
        if (postgres is null && !File.Exists(path))
        {
            await output.WriteLineAsync($"No database at {Path.GetFullPath(path)}: start the bot once or pass --db.");
            return 1;
        }
        var report = postgres is not null ? ConsoleDatabase.Report(postgres) : ConsoleDatabase.Report(path);
        var data = await report.BuildAsync(from, to, touch, ct);
        if (options.ContainsKey("--csv"))
        {
            await output.WriteAsync(FiguresCsv.Write(data));
            return 0;
        }
        await output.WriteLineAsync($"GiftBot figures {from:yyyy-MM-dd} to {to:yyyy-MM-dd} ({(touch == Touch.First ? "first" : "last")} touch)");
        await output.WriteLineAsync($"{"Source",-32} {"Conv",6} {"Carous",6} {"Views",6} {"Basket",6} {"Chkout",6} {"Orders",6} {"Revenue",12} {"Spend",10} {"ROAS",6}");
        foreach (var s in data.Sources)
        {
            var label = s.Label.Length > 32 ? s.Label[..31] + "…" : s.Label;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{label,-32} {s.Conversations,6} {s.Carousels,6} {s.ProductViews,6} {s.BasketAdds,6} {s.CheckoutClicks,6} {s.Purchases,6} {s.Revenue,12:0.00} {(s.Spend is { } sp ? sp.ToString("0.00", CultureInfo.InvariantCulture) : "-"),10} {(s.Roas is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-"),6}"));
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Conversations {data.ConversationsStarted}, handovers {data.Handovers}, contained {(data.Containment is { } c ? (c * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "-")}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Team, last 7 days: response rate {(data.WeekRate is { } rate ? (rate * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "-")}, median response {(data.WeekMedian is { } m ? m.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min" : "-")}: {(data.VeryResponsive ? "very responsive" : "not very responsive")} (target >= 90 % and < 15 min)"));
        foreach (var campaign in data.Campaigns)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Campaign {campaign.Campaign}: spend {campaign.Spend:0.00}, revenue {campaign.Revenue:0.00}, ROAS {(campaign.Roas is { } r2 ? r2.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-")}"));
        return 0;
    }
}
