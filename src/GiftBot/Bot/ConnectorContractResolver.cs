using System.Reflection;
using GiftBot.Dialogs;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Bot;

/// <summary>
/// The connector clients' contract resolver (the SDK's own, <see cref="ReadOnlyJsonContractResolver"/>), writing attachment
/// content (cards) straight to the request body instead of through a JToken tree (<see cref="AttachmentContentJson"/>).
/// </summary>
internal sealed class ConnectorContractResolver : ReadOnlyJsonContractResolver
{
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization) =>
        AttachmentContentJson.WriteDirectly(base.CreateProperty(member, memberSerialization));
}
