"""CPU per stage of a turn from `perf script` output (stdin); argv[1] = the benchmark's CPU ms per turn.

A sample counts for a stage when a frame of that stage is on its stack, except when the frame only resumed an awaited
continuation (the rest of the turn running after an await completed inside it). Rows overlap (a stage inside another)."""
import re, collections, sys
cpu_us = 1000 * float(sys.argv[1])
rows = [
 ("recognizer (all)", r"LanguageModel::Recognize"),
 ("  rules (entity extraction)", r"EntityExtractor::Extract"),
 ("  ML.NET intent classifier", r"IntentClassifier::Predict"),
 ("  FAQ matcher", r"FaqMatcher::BestMatch"),
 ("  meaning (wish, themes; embedding cached)", r"GiftMeaning::Enrich"),
 ("  result as JSON + back (ToJson, ToShopperUnderstanding)", r"ExtractedEntities::ToJson|ToShopperUnderstanding"),
 ("catalog recommend", r"RecommendAsync"),
 ("card rendering", r"ProductCards"),
 ("content lines (BotVoice/templates)", r"BotVoice|TokenTemplate|BotText::"),
 ("state load (SQLite read + JSON parse)", r"StoredStateCache\+<LoadAsync|StoredStateCache::LoadAsync|StoredStateReader"),
 ("state/unit-of-work JSON serialise", r"StoredJson::Serialize|StoredJson\+"),
 ("customer card read/update", r"CustomerContextStore"),
 ("transcript (serialise + Brotli + insert)", r"TranscriptActivityJson|SqliteConversationTranscript"),
 ("group commit writer (SQLite statements, fsync)", r"SqliteGroupCommitWriter"),
 ("connector replies (serialise + HTTP client)", r"ReplyToActivityWithHttpMessagesAsync"),
 ("incoming activity parse", r"IncomingActivityReader"),
 ("follow-up scheduler", r"FollowUpScheduler"),
 ("funnel events", r"FunnelRecorder|FunnelEvent"),
 ("thread-pool spin/yield (idle workers)", r"LowLevelLifoSemaphore|sched_yield|LowLevelSpinWaiter"),
 ("GC threads", r"^\.NET Server GC"),
 ("all Newtonsoft.Json", r"Newtonsoft"),
 ("all SQLite (native + ADO.NET)", r"sqlite3|Microsoft\.Data\.Sqlite|SQLitePCL"),
]
rows = [(n, re.compile(p, re.M)) for n, p in rows]
cont = re.compile(r'RunContinuations|SetExistingTaskResult|TrySetResult|AsyncTaskMethodBuilder`1.*::SetResult')
c = collections.Counter(); total = 0; sample = []; head = ""
def flush():
    global total
    if not sample: return
    total += 1
    s = head + "\n" + "\n".join(sample)
    for n, p in rows:
        if p.search(head):
            c[n] += 1; continue
        for i, f in enumerate(sample):
            if p.search(f):
                if not any(cont.search(x) for x in sample[:i]): c[n] += 1
                break
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip(): flush(); sample = []; continue
    if line[0] not in " \t": head = line; continue
    sample.append(line.strip())
flush()
print(f"{total} samples = {cpu_us:.0f} us CPU per turn (inclusive, continuations resumed inside a frame not counted; rows overlap)")
for n, _ in rows: print(f"{100*c[n]/total:5.1f}%  {cpu_us*c[n]/total:5.0f} us  {n}")
