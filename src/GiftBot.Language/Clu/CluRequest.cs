using Newtonsoft.Json.Linq;

namespace GiftBot.Language.Clu;

/// <summary>The analyze-conversations request body (kind Conversation) for one utterance.</summary>
internal static class CluRequest
{
    public static Uri Url(CluOptions options) =>
        new($"{options.Endpoint!.TrimEnd('/')}/language/:analyze-conversations?api-version={Uri.EscapeDataString(options.ApiVersion)}");

    // participantId is a constant on purpose: the channel's user id is personal data CLU does not need.
    public static JObject Body(CluOptions options, string text, string? locale) => new()
    {
        ["kind"] = "Conversation",
        ["analysisInput"] = new JObject
        {
            ["conversationItem"] = new JObject
            {
                ["id"] = "1",
                ["participantId"] = "user",
                ["text"] = text,
                ["language"] = string.IsNullOrWhiteSpace(locale) ? options.Language : locale.ToLowerInvariant(),
                ["modality"] = "text",
            },
        },
        ["parameters"] = new JObject
        {
            ["projectName"] = options.ProjectName,
            ["deploymentName"] = options.DeploymentName,
            ["stringIndexType"] = "Utf16CodeUnit",
            ["verbose"] = true,
        },
    };
}
