using System.Diagnostics;
using GiftBot.Catalog;
using GiftBot.Content;
using GiftBot.Conversations.GiftFinder;
using GiftBot.Language.Embedded;
using GiftBot.Testing.BotFramework;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GiftBot.Language.Benchmarks.GiftRequests;

/// <summary>
/// Drives every labelled request as a new shopper's first message through the real host and judges the first reply
/// as the shopper would: a carousel or a question, every product within the stated age, budget (converted at the
/// configured rate) and stock, the interest matched where the catalog has it, and what the bot said it relaxed.
/// </summary>
internal static class GiftFinderEvaluation
{
    public static async Task<int> RunAsync(string path, TextWriter output, bool showErrors)
    {
        var requests = GiftRequest.Load(path);
        await using var connector = await BotConnectorStandIn.StartAsync();
        var startWatch = Stopwatch.StartNew();
        await using var host = new GiftFinderHost();
        var client = host.CreateClient();
        var catalog = host.Services.GetRequiredService<IProductCatalog>();
        var options = host.Services.GetRequiredService<IOptions<GiftFinderOptions>>().Value;
        var reader = new ReplyReader(host.Services.GetRequiredService<IBotText>());
        var recognizer = host.Services.GetRequiredService<EmbeddedRecognizer>();
        await recognizer.RecognizeTextAsync("warm up", CancellationToken.None);
        var hostReady = startWatch.Elapsed;

        var results = new List<Judged>();
        var turnTimes = new List<double>();
        foreach (var request in requests)
        {
            var conversation = "eval-" + request.Id + "-" + Guid.NewGuid().ToString("N")[..6];
            var activity = EmulatorActivities.Message(connector.ServiceUrl, conversation, request.Text, userId: "shopper-" + conversation);
            var watch = Stopwatch.StartNew();
            var response = await client.PostActivityAsync(activity);
            turnTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{request.Id}: /api/messages answered {(int)response.StatusCode}");
            var messages = connector.MessagesIn(conversation);
            results.Add(await JudgeAsync(request, messages, catalog, options, reader));
        }

        var recognition = new List<double>();
        foreach (var request in requests)
        {
            var watch = Stopwatch.StartNew();
            await recognizer.RecognizeTextAsync(request.Text, CancellationToken.None);
            recognition.Add(watch.Elapsed.TotalMilliseconds);
        }
        Report.Print(output, Path.GetFileName(path), results, turnTimes, recognition, hostReady, showErrors);
        await FaqAsync(Path.Combine(Path.GetDirectoryName(path)!, "faq-questions.dev.jsonl"), recognizer, output);
        return 0;
    }

    /// <summary>FAQ by meaning: the FAQ entry the recognizer picks for each labelled question.</summary>
    private static async Task FaqAsync(string path, EmbeddedRecognizer recognizer, TextWriter output)
    {
        if (!File.Exists(path)) return;
        var questions = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();
        var misses = new List<string>();
        foreach (var q in questions)
        {
            var understanding = (await recognizer.RecognizeTextAsync(q.Value<string>("text"), CancellationToken.None)).ToShopperUnderstanding();
            if (understanding.FaqTopic != q.Value<string>("topic")) misses.Add($"{q.Value<string>("text")} -> {understanding.Intent}/{understanding.FaqTopic ?? "-"}");
        }
        output.WriteLine($"FAQ by meaning ({Path.GetFileName(path)}): {questions.Count - misses.Count}/{questions.Count} answered with the right entry{(misses.Count > 0 ? "; missed: " + string.Join("; ", misses) : "")}");
    }

    private static async Task<Judged> JudgeAsync(GiftRequest request, IReadOnlyList<Microsoft.Bot.Schema.Activity> messages, IProductCatalog catalog, GiftFinderOptions options, ReplyReader reader)
    {
        var shown = new List<Product>();
        foreach (var id in ReplyReader.ShownProductIds(messages))
            if (await catalog.GetAsync(id) is { } product) shown.Add(product);
        var ceiling = Ceiling(request.Budget, catalog.Currency, options);
        var ages = request.Age is { } age ? (age, age) : AgeBands.Range(request.AgeBand);

        var outside = shown.Where(p => !p.IsInStock
            || ages is { } a && (p.MaxAge < a.Item1 || p.MinAge > a.Item2)
            || ceiling is { } max && p.Price > max
            || RuledOut(p, request)).Select(p => p.Id).ToList();

        var outsideWhy = new List<string>();
        foreach (var p in shown)
        {
            if (!p.IsInStock) outsideWhy.Add("stock");
            if (ages is { } a2 && (p.MaxAge < a2.Item1 || p.MinAge > a2.Item2)) outsideWhy.Add("age");
            if (ceiling is { } max2 && p.Price > max2) outsideWhy.Add("budget");
            if (RuledOut(p, request)) outsideWhy.Add("exclusion");
        }

        var catalogHasInterest = request.Themes.Count > 0 && (await catalog.SearchAsync(new ProductQuery
        {
            AgeMin = ages?.Item1, AgeMax = ages?.Item2, MaxPrice = ceiling, Interests = request.Themes, ExcludedInterests = request.Excludes, Limit = 1,
        })).Count > 0;
        var interestMatched = shown.Any(p => p.Interests.Any(t => request.Themes.Contains(t, StringComparer.OrdinalIgnoreCase)));

        var askedRecipient = reader.Said(messages, GiftFinderText.AskRecipient);
        var askedAge = reader.Said(messages, GiftFinderText.AskAge, GiftFinderText.AskAgeSelf);
        var askedInterests = reader.Said(messages, GiftFinderText.AskInterests, GiftFinderText.AskInterestsSelf);
        var askedBudget = reader.Said(messages, GiftFinderText.AskBudget);
        var saidRelaxed = reader.Said(messages, RecommendText.RelaxedInterests, RecommendText.RelaxedWish, RecommendText.NamedOverBudget, RecommendText.None);
        var saidConverted = reader.Said(messages, GiftFinderText.CurrencyConverted);
        var saidPerGift = reader.Said(messages, GiftFinderText.PerGift);

        var reaskedSlots = new List<string>();
        if (askedRecipient && (request.Recipient is not null || request.Age is not null)) reaskedSlots.Add("recipient");
        if (askedAge && (request.Age is not null || request.AgeBand is not null)) reaskedSlots.Add("age");
        if (askedInterests && request.Interest is not null) reaskedSlots.Add("interests");
        if (askedBudget && request.Budget is not null) reaskedSlots.Add("budget");
        var reasked = reaskedSlots.Count > 0;
        var adult = request.AgeBand == "adult" || request.Age >= 18;
        var failures = new List<string>();
        if ((request.Age is not null || request.AgeBand is not null) && (askedAge || shown.Any(p => ages is { } a && (p.MaxAge < a.Item1 || p.MinAge > a.Item2))))
            failures.Add("ages");
        if (adult && (askedAge || shown.Any(p => p.MaxAge < 14)))
            failures.Add("adult recipients");
        if (request.Budget is { } b && (askedBudget || shown.Any(p => p.Price > ceiling)
            || b.PerGift && b.Count > 1 && shown.Count > 0 && !saidPerGift
            || !string.Equals(b.Currency, catalog.Currency, StringComparison.OrdinalIgnoreCase) && shown.Count > 0 && !saidConverted))
            failures.Add("budgets");
        if (request.Interest is not null && catalogHasInterest && !interestMatched)
            failures.Add("interests");
        if (reasked)
            failures.Add("re-asking");

        return new Judged(request, shown, outside, catalogHasInterest, interestMatched, saidRelaxed, failures, reaskedSlots, outsideWhy,
            string.Join(" | ", messages.Where(m => !string.IsNullOrWhiteSpace(m.Text)).Select(m => m.Text)));
    }

    /// <summary>A ruled-out theme, or a ruled-out kind of thing named in the title or description.</summary>
    private static bool RuledOut(Product p, GiftRequest request) =>
        p.Interests.Any(t => request.Excludes.Contains(t, StringComparer.OrdinalIgnoreCase))
        || request.ExcludedWords.Any(w => GiftBot.Testing.ProductText.Names(p.Title + " " + p.Description, w));

    /// <summary>The labelled ceiling in the shop's currency, at the rate the bot is configured with; a total for several gifts is the looser bound.</summary>
    private static decimal? Ceiling(LabelledBudget? budget, string shopCurrency, GiftFinderOptions options)
    {
        if (budget is null) return null;
        return string.Equals(budget.Currency, shopCurrency, StringComparison.OrdinalIgnoreCase)
            ? budget.Amount
            : options.Convert(budget.Amount, budget.Currency) ?? budget.Amount;
    }
}

internal sealed record Judged(GiftRequest Request, IReadOnlyList<Product> Shown, IReadOnlyList<string> Outside, bool CatalogHasInterest,
    bool InterestMatched, bool SaidRelaxed, IReadOnlyList<string> Failures, IReadOnlyList<string> ReaskedSlots, IReadOnlyList<string> OutsideReasons, string Replies)
{
    public bool Carousel => Shown.Count > 0;
}
