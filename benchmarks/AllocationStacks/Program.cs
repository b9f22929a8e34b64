using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Where a turn's allocations come from: reads a dotnet-trace file recorded with the gc-verbose profile (the runtime's
// allocation tick, about one sample per 100 KB allocated, with its managed stack) and splits the sampled bytes by stage of a
// turn. A sample counts for the stage of the innermost frame on its stack that names one (so a turn resumed after an await
// inside, say, the HTTP client is counted where it allocates, not where it resumed). Stages do not overlap; with the
// benchmark's allocated bytes per turn, each stage's share is also given in KB per turn.
// usage: AllocationStacks TRACE.nettrace [ALLOCATED_BYTES_PER_TURN]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AllocationStacks TRACE.nettrace [ALLOCATED_BYTES_PER_TURN]");
    return 2;
}

var perTurn = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
(string Name, Regex Frame)[] stages =
[
    ("connector: reply serialised", new(@"SafeJsonConvert\.SerializeObject|AttachmentMemoryStreamConverter|AttachmentContentJson")),
    ("connector: response parsed", new(@"SafeJsonConvert\.DeserializeObject")),
    ("connector: HTTP client", new(@"^System\.Net\.Http")),
    ("connector: other", new(@"ReplyToActivityWithHttpMessagesAsync|ConnectorClient|Microsoft\.Rest")),
    ("transcript", new(@"Transcript")),
    ("customer card", new(@"CustomerContextStore|CustomerActivityMiddleware|CustomerListRows|ActivitySummary")),
    ("state serialised at commit (StoredJson)", new(@"StoredJson|UnitOfWork\.Build")),
    ("state parsed", new(@"StoredStateCache|StoredStateReader|StoredUserState|StoredConversationState|DialogInstanceStateConverter|PromptOptionsConverter")),
    ("SQLite statements (reads, group commit)", new(@"SqliteGroupCommitWriter|SqliteStorage|SqliteFunnelEventStore|SqliteScheduledJobStore|SqliteCustomerListStore|SqliteCommandExtensions|DbCommandValues|SqliteUnitOfWorkCommitter")),
    ("recognizer", new(@"LanguageModel\.Recognize|EmbeddedRecognizer|TurnUnderstanding")),
    ("content lines", new(@"TokenTemplate|TokenContext|BotVoice|BotTokens|BotText|LocaleFallback|OpeningHours")),
    ("cards, catalog", new(@"ProductCards|RecommendationPresenter|ProductRanker|Catalog")),
    ("incoming activity parsed", new(@"IncomingActivityReader")),
    ("follow-ups", new(@"FollowUp")),
    ("funnel events", new(@"Funnel")),
    ("dialogs, prompts, stages", new(@"GiftBot\.Dialogs|GiftBot\.Conversations")),
    ("Bot Builder", new(@"Microsoft\.Bot\.")),
    ("ASP.NET Core, Kestrel", new(@"Microsoft\.AspNetCore")),
    ("unit of work", new(@"UnitOfWork")),
    ("benchmark's own sampler", new(@"GiftBot\.Benchmarks")),
];

using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byStage = new Dictionary<string, long>();
var byPlace = new Dictionary<string, long>();
long total = 0;
foreach (var traceEvent in log.Events)
{
    // TraceEvents enumerates only as IEnumerable<TraceEvent> (LINQ's OfType goes through the non-generic one, which throws).
    if (traceEvent is not GCAllocationTickTraceData sample) continue;
    var amount = sample.AllocationAmount64;
    total += amount;
    var frames = new List<string>();
    for (var frame = sample.CallStack(); frame is not null; frame = frame.Caller)
    {
        if (!string.IsNullOrEmpty(frame.CodeAddress.FullMethodName)) frames.Add(frame.CodeAddress.FullMethodName);
    }

    var index = frames.FindIndex(f => stages.Any(s => s.Frame.IsMatch(f)));
    var stage = index < 0 ? "(other)" : stages.First(s => s.Frame.IsMatch(frames[index])).Name;
    byStage[stage] = byStage.GetValueOrDefault(stage) + amount;
    // The stage's frame and up to three frames inside it: where in the stage the bytes were allocated, and of what type.
    var place = $"{stage} | {sample.TypeName} | {string.Join(" > ", (index < 0 ? frames.Take(3) : frames.Take(index + 1).Reverse().Take(4)).Select(Short))}";
    byPlace[place] = byPlace.GetValueOrDefault(place) + amount;
}

if (total == 0)
{
    Console.Error.WriteLine("No allocation samples in the trace (record it with: dotnet-trace collect --profile gc-verbose).");
    return 1;
}

string Share(long bytes) => perTurn > 0 ? $"{100.0 * bytes / total,5:F1} % {perTurn * bytes / total / 1024,6:F1} KB/turn" : $"{100.0 * bytes / total,5:F1} %";
Console.WriteLine($"{total / 1048576.0:F0} MB sampled; by stage (innermost stage frame on the allocation's stack):");
foreach (var (stage, bytes) in byStage.OrderByDescending(p => p.Value)) Console.WriteLine($"{Share(bytes)}  {stage}");
Console.WriteLine();
Console.WriteLine("Largest places in each stage (type | stage frame > frames inside it):");
foreach (var group in byPlace.GroupBy(p => p.Key[..p.Key.IndexOf(" | ", StringComparison.Ordinal)]).OrderByDescending(g => g.Sum(p => p.Value)))
{
    Console.WriteLine($"-- {group.Key}");
    foreach (var (place, bytes) in group.OrderByDescending(p => p.Value).Take(8)) Console.WriteLine($"{Share(bytes)}  {place[(group.Key.Length + 3)..]}");
}

return 0;

static string Short(string method) => method.Length > 110 ? method[..110] : method;
