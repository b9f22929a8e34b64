using GiftBot.Content.EntryPoints;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QRCoder;

namespace GiftBot.Messenger.Commands;

/// <summary>
/// messenger links [--content DIR] [--out DIR] [--page NAME]: for each entry preset in content/entry-points.json prints
/// the m.me link (https://m.me/&lt;page&gt;?ref=&lt;ref&gt;) and writes its QR code as &lt;ref&gt;.png; then prints (and writes
/// as ad-welcome-message.json) the click-to-Messenger ad welcome message: the ad greeting with one quick reply per
/// preset whose payload is PRESET:&lt;ref&gt;, in the welcome_message_flow shape Meta's ads tools take.
/// Exit codes: 0 done, 2 invalid content or settings.
/// </summary>
public static class MessengerLinksCommand
{
    public const string PresetPayloadPrefix = "PRESET:";
    public const string AdFileName = "ad-welcome-message.json";

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, CommandArguments.BuildConfiguration(args), output, cancellationToken);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var arguments = new CommandArguments(args);
        var page = arguments.Get("page") ?? configuration[$"{FacebookOptions.SectionName}:PageName"];
        if (string.IsNullOrWhiteSpace(page))
        {
            await output.WriteLineAsync("The Page name is needed for m.me links: --page <name> or Facebook:PageName.");
            return 2;
        }
        var path = Path.Combine(CommandArguments.ContentRoot(arguments, configuration), EntryPointsLoader.FileName);
        EntryPointsContent content;
        try { content = EntryPointsLoader.Load(path); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot use {path}: {ex.Message}");
            return 2;
        }
        var outputFolder = arguments.Get("out") ?? "entry-links";
        Directory.CreateDirectory(outputFolder);

        foreach (var preset in content.Presets)
        {
            var link = Link(page, preset.Ref);
            var qrFile = Path.Combine(outputFolder, $"{preset.Ref}.png");
            await File.WriteAllBytesAsync(qrFile, PngByteQRCodeHelper.GetQRCode(link, QRCodeGenerator.ECCLevel.Q, 10), cancellationToken);
            await output.WriteLineAsync($"{preset.Ref}\t{link}\t{qrFile}");
        }

        var ad = AdWelcomeMessage(content, out var leftOut);
        if (leftOut > 0) await output.WriteLineAsync($"Only the first 13 presets fit in the ad's quick replies; {leftOut} left out.");
        var adJson = ad.ToString(Formatting.Indented);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, AdFileName), adJson, cancellationToken);
        await output.WriteLineAsync("Click-to-Messenger ad welcome message:");
        await output.WriteLineAsync(adJson);
        return 0;
    }

    public static string Link(string page, string reference) =>
        $"https://m.me/{Uri.EscapeDataString(page.Trim().TrimStart('@'))}?ref={Uri.EscapeDataString(reference)}";

    /// <summary>[{"message": {"text": greeting, "quick_replies": [{content_type, title, payload: "PRESET:ref"}]}}].</summary>
    public static JArray AdWelcomeMessage(EntryPointsContent content, out int leftOut)
    {
        var quickReplies = content.Presets.Take(Outbound.MessengerLimits.QuickReplies)
            .Select(p => new JObject { ["content_type"] = "text", ["title"] = p.Label, ["payload"] = PresetPayloadPrefix + p.Ref });
        leftOut = Math.Max(0, content.Presets.Count - Outbound.MessengerLimits.QuickReplies);
        var message = new JObject { ["text"] = content.AdGreeting ?? content.Presets.FirstOrDefault()?.Welcome ?? "" };
        if (content.Presets.Count > 0) message["quick_replies"] = new JArray(quickReplies);
        return [new JObject { ["message"] = message }];
    }
}
