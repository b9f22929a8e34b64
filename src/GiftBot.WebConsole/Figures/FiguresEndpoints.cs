using System.Globalization;
using System.Text;
using GiftBot.WebConsole.Orders;
using GiftBot.WebConsole.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static GiftBot.WebConsole.Pages.Html;

namespace GiftBot.WebConsole.Figures;

/// <summary>/console/figures: the page, its CSV export, ad spend (typed or imported) and the order CSV import.</summary>
internal static class FiguresEndpoints
{
    private const int MaxUploadBytes = 2 * 1024 * 1024;

    public static void Map(RouteGroupBuilder console)
    {
        console.MapGet("/figures", PageAsync);
        console.MapGet("/figures.csv", async (HttpContext http, FiguresReport report, TimeProvider time, CancellationToken ct) =>
        {
            var (from, to, touch) = Range(http, time);
            var data = await report.BuildAsync(from, to, touch, ct);
            return Results.File(Encoding.UTF8.GetBytes(FiguresCsv.Write(data)), "text/csv; charset=utf-8", $"giftbot-figures-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv");
        });
        console.MapPost("/figures/spend", AddSpendAsync);
        console.MapPost("/figures/spend/import", ImportSpendAsync);
        console.MapPost("/figures/orders/import", ImportOrdersAsync);
    }

    internal static (DateOnly From, DateOnly To, Touch Touch) Range(HttpContext http, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var to = DateOnly.TryParse(http.Request.Query["to"], CultureInfo.InvariantCulture, out var t) ? t : today;
        var from = DateOnly.TryParse(http.Request.Query["from"], CultureInfo.InvariantCulture, out var f) ? f : to.AddDays(-29);
        if (from > to) (from, to) = (to, from);
        if (to.DayNumber - from.DayNumber > 366) from = to.AddDays(-366);
        var touch = string.Equals(http.Request.Query["touch"], "last", StringComparison.OrdinalIgnoreCase) ? Touch.Last : Touch.First;
        return (from, to, touch);
    }

    private static async Task<IResult> PageAsync(HttpContext http, FiguresReport report, TimeProvider time, CancellationToken ct)
    {
        var (from, to, touch) = Range(http, time);
        var data = await report.BuildAsync(from, to, touch, ct);
        var flash = http.Request.Query["done"].ToString() is { Length: > 0 } done ? $"<p class=\"notice\" role=\"status\">{E(done)}</p>" : "";
        var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&touch={(touch == Touch.Last ? "last" : "first")}";
        var body =
            $"""
            <h1>Figures</h1>
            {flash}
            <form method="get" action="{ConsoleRoutes.Figures}" class="inline" aria-label="Date range">
              <label for="from">From</label><input id="from" name="from" type="date" value="{from:yyyy-MM-dd}">
              <label for="to">To</label><input id="to" name="to" type="date" value="{to:yyyy-MM-dd}">
              <label for="touch">Attribution</label>
              <select id="touch" name="touch"><option value="first"{(touch == Touch.First ? " selected" : "")}>First touch</option><option value="last"{(touch == Touch.Last ? " selected" : "")}>Last touch</option></select>
              <button type="submit">Show</button>
              <a class="button secondary" href="{ConsoleRoutes.Figures}.csv?{E(query)}">Download CSV</a>
            </form>
            <div class="figures">
              <section aria-labelledby="sources-title">
                <h2 id="sources-title">By entry source</h2>
                {SourcesTable(data)}
                {SvgBarChart.Render("Revenue by entry source", data.Sources.Where(s => s.Revenue > 0).Select(s => (s.Label, (double)s.Revenue, Money(s.Revenue, data.Currency))).ToList())}
              </section>
              <section aria-labelledby="campaigns-title">
                <h2 id="campaigns-title">Campaigns</h2>
                {CampaignsTable(data)}
              </section>
              <section aria-labelledby="response-title">
                <h2 id="response-title">Team responsiveness (last 7 days to {to:d MMM})</h2>
                {Responsiveness(data)}
              </section>
              <section aria-labelledby="bot-title">
                <h2 id="bot-title">The bot</h2>
                <p>Conversations started: <strong data-figure="conversations">{data.ConversationsStarted}</strong> · handovers to a person: <strong data-figure="handovers">{data.Handovers}</strong> ·
                   contained by the bot: <strong data-figure="containment">{Percent(data.Containment)}</strong></p>
                <h3>Top FAQ answers</h3>
                {(data.TopFaq.Count == 0 ? "<p class=\"meta\">None in this period.</p>" : "<ol>" + string.Concat(data.TopFaq.Select(f => $"<li>{E(f.Topic)}: {f.Count}</li>")) + "</ol>")}
                <h3>Messages the bot did not understand</h3>
                {(data.NotUnderstood.Count == 0 ? "<p class=\"meta\">None in this period.</p>" : "<ul>" + string.Concat(data.NotUnderstood.Select(n => $"<li>“{E(n.Text)}” <span class=\"meta\">{Time(n.At)}</span></li>")) + "</ul>")}
              </section>
              <section aria-labelledby="spend-title">
                <h2 id="spend-title">Ad spend and orders</h2>
                <form method="post" action="{ConsoleRoutes.Figures}/spend" class="inline">{Antiforgery(http)}
                  <label for="spend-ad">Ad id</label><input id="spend-ad" name="adId" required maxlength="64">
                  <label for="spend-day">Day</label><input id="spend-day" name="day" type="date" required value="{to:yyyy-MM-dd}">
                  <label for="spend-campaign">Campaign</label><input id="spend-campaign" name="campaign" maxlength="100">
                  <label for="spend-amount">Spend</label><input id="spend-amount" name="spend" inputmode="decimal" required pattern="[0-9]+([.][0-9]+)?">
                  <button type="submit">Save spend</button>
                </form>
                <form method="post" action="{ConsoleRoutes.Figures}/spend/import" enctype="multipart/form-data" class="inline">{Antiforgery(http)}
                  <label for="spend-file">Ads Manager export (CSV)</label><input id="spend-file" name="file" type="file" accept=".csv,text/csv" required>
                  <button type="submit">Import spend</button>
                </form>
                <form method="post" action="{ConsoleRoutes.Figures}/orders/import" enctype="multipart/form-data" class="inline">{Antiforgery(http)}
                  <label for="orders-file">Orders (CSV: orderId,total,currency,createdAt,checkoutToken)</label><input id="orders-file" name="file" type="file" accept=".csv,text/csv" required>
                  <button type="submit">Import orders</button>
                </form>
              </section>
            </div>
            """;
        return Html.Page(http, "Figures", body, "figures");
    }

    private static string SourcesTable(FiguresData data)
    {
        var rows = string.Concat(data.Sources.Select(s =>
            $"<tr data-source=\"{E(s.Key)}\"><th scope=\"row\">{E(s.Label)}</th><td>{s.Conversations}</td><td>{s.Carousels}</td><td>{s.ProductViews}</td><td>{s.BasketAdds}</td><td>{s.CheckoutClicks}</td><td data-col=\"purchases\">{s.Purchases}</td><td data-col=\"revenue\">{Money(s.Revenue, data.Currency)}</td><td>{(s.Spend is { } spend ? Money(spend, data.Currency) : "–")}</td><td data-col=\"roas\">{Roas(s.Roas)}</td></tr>"));
        return $"""
            <table><caption>{data.From:d MMM yyyy} to {data.To:d MMM yyyy}, {(data.Touch == Touch.First ? "first" : "last")} touch</caption>
            <thead><tr><th scope="col">Source</th><th scope="col">Conversations</th><th scope="col">Carousels shown</th><th scope="col">Product views</th><th scope="col">Basket adds</th><th scope="col">Checkout clicks</th><th scope="col">Purchases</th><th scope="col">Revenue</th><th scope="col">Ad spend</th><th scope="col">ROAS</th></tr></thead>
            <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"10\">Nothing in this period.</td></tr>" : rows)}</tbody></table>
            """;
    }

    private static string CampaignsTable(FiguresData data) => data.Campaigns.Count == 0 ? "<p class=\"meta\">No ad spend in this period.</p>" :
        $"<table><thead><tr><th scope=\"col\">Campaign</th><th scope=\"col\">Spend</th><th scope=\"col\">Revenue</th><th scope=\"col\">ROAS</th></tr></thead><tbody>{string.Concat(data.Campaigns.Select(c => $"<tr data-campaign=\"{E(c.Campaign)}\"><th scope=\"row\">{E(c.Campaign)}</th><td>{Money(c.Spend, data.Currency)}</td><td>{Money(c.Revenue, data.Currency)}</td><td data-col=\"roas\">{Roas(c.Roas)}</td></tr>"))}</tbody></table>";

    private static string Responsiveness(FiguresData data)
    {
        var badge = data.VeryResponsive ? "<span class=\"badge on\" data-badge=\"on\">Very responsive</span>" : "<span class=\"badge off\" data-badge=\"off\">Not “very responsive”</span>";
        var rows = string.Concat(data.ResponseDays.Select(d => $"<tr><th scope=\"row\">{d.Day:ddd d MMM}</th><td>{d.Requests}</td><td>{Percent(d.Rate)}</td><td>{(d.MedianResponse is { } m ? Duration(m) : "–")}</td></tr>"));
        return $"""
            <p>{badge} Response rate <strong>{Percent(data.WeekRate)}</strong> (target 90 % or more), median response time <strong>{(data.WeekMedian is { } median ? Duration(median) : "–")}</strong> (target under 15 minutes).</p>
            <table><thead><tr><th scope="col">Day</th><th scope="col">Asked for a person</th><th scope="col">Answered within 24 h</th><th scope="col">Median response</th></tr></thead><tbody>{rows}</tbody></table>
            {SvgBarChart.Render("Response rate per day (dashed line: 90 % target)", data.ResponseDays.Select(d => (d.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture), (d.Rate ?? 0) * 100, Percent(d.Rate))).ToList(), 90)}
            """;
    }

    private static async Task<IResult> AddSpendAsync(HttpContext http, IAdSpendStore store, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var ad = form["adId"].ToString().Trim();
        if (ad.Length is 0 or > 64 || !DateOnly.TryParse(form["day"], CultureInfo.InvariantCulture, out var day)
            || !decimal.TryParse(form["spend"], NumberStyles.Number, CultureInfo.InvariantCulture, out var spend) || spend < 0)
            return Done("Give an ad id, a day and a spend such as 12.50.");
        var campaign = form["campaign"].ToString().Trim();
        await store.UpsertAsync([new AdSpend(ad, day, campaign.Length == 0 ? null : campaign[..Math.Min(100, campaign.Length)], spend)], ct);
        return Done($"Saved the spend of ad {ad} on {day:d MMM yyyy}.");
    }

    private static async Task<IResult> ImportSpendAsync(HttpContext http, IAdSpendStore store, CancellationToken ct)
    {
        var (text, problem) = await ReadUploadAsync(http, ct);
        if (problem is not null) return Done(problem);
        var (rows, errors) = SpendImport.Read(text!);
        if (rows.Count > 0) await store.UpsertAsync(rows, ct);
        return Done($"Imported {rows.Count} spend rows." + (errors.Count == 0 ? "" : $" Skipped: {string.Join(" ", errors.Take(5))}"));
    }

    private static async Task<IResult> ImportOrdersAsync(HttpContext http, IOrderStore store, OrderAttribution attribution, TimeProvider time, CancellationToken ct)
    {
        var (text, problem) = await ReadUploadAsync(http, ct);
        if (problem is not null) return Done(problem);
        var lines = text!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (added, duplicates, errors) = (0, 0, new List<string>());
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var f = CsvLine.Split(lines[i]).Select(v => v.Trim()).ToList();
            if (f.Count < 3 || f[0].Length is 0 or > 100 || !decimal.TryParse(f[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var total) || total < 0 || f[2].Length != 3)
            { errors.Add($"Line {i + 1}: expected orderId,total,currency."); continue; }
            var at = f.Count > 3 && DateTimeOffset.TryParse(f[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : time.GetUtcNow();
            var order = await attribution.AttributeAsync(f[0], total, f[2].ToUpperInvariant(), at, f.Count > 4 ? f[4] : null, ct);
            if (await store.TryAddAsync(order, time.GetUtcNow(), ct)) added++; else duplicates++;
        }
        return Done($"Imported {added} orders ({duplicates} already known)." + (errors.Count == 0 ? "" : $" Skipped: {string.Join(" ", errors.Take(5))}"));
    }

    private static async Task<(string? Text, string? Problem)> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return (null, "Choose a CSV file.");
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files["file"];
        if (file is null || file.Length == 0) return (null, "Choose a CSV file.");
        if (file.Length > MaxUploadBytes) return (null, "The file is larger than 2 MB.");
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        return (await reader.ReadToEndAsync(ct), null);
    }

    private static IResult Done(string message) => Results.Redirect($"{ConsoleRoutes.Figures}?done={Uri.EscapeDataString(message)}");

    internal static string Money(decimal value, string currency) => $"{value.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";

    private static string Roas(decimal? roas) => roas is { } r ? $"{r.ToString("0.00", CultureInfo.InvariantCulture)}x" : "–";

    private static string Percent(double? value) => value is { } v ? $"{(v * 100).ToString("0", CultureInfo.InvariantCulture)} %" : "–";
}
