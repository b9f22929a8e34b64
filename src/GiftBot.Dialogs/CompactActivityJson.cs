using System.Collections;
using System.Reflection;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace GiftBot.Dialogs;

/// <summary>
/// Json.NET settings that write a Bot Framework activity as plain JSON without its unset members and without the members
/// a reader of the stored copy does not need (a send fills the envelope in again; a transcript row already says the
/// channel). An Activity has about forty members, so written whole they are most of what is stored. Reading needs
/// nothing special: an absent member reads as null. Create the settings once and keep them: each holds its own contract cache.
/// Attachment content (cards) is written straight through (<see cref="AttachmentContentJson"/>).
/// </summary>
public static class CompactActivityJson
{
    /// <param name="leftOut">JSON names of the activity's members never written ("serviceUrl", "from"...).</param>
    /// <param name="leftOutWhenEmpty">JSON names of list members written only when they hold something ("attachments").</param>
    public static JsonSerializerSettings Settings(IReadOnlyCollection<string> leftOut, IReadOnlyCollection<string>? leftOutWhenEmpty = null) => new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,
        ContractResolver = new LeavingOutResolver(leftOut, leftOutWhenEmpty ?? []),
    };

    private sealed class LeavingOutResolver(IReadOnlyCollection<string> leftOut, IReadOnlyCollection<string> leftOutWhenEmpty) : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = AttachmentContentJson.WriteDirectly(base.CreateProperty(member, memberSerialization));
            if (!typeof(Activity).IsAssignableFrom(property.DeclaringType) || property.PropertyName is not { } name) return property;
            if (leftOut.Contains(name)) property.ShouldSerialize = _ => false;
            else if (leftOutWhenEmpty.Contains(name))
                property.ShouldSerialize = owner => property.ValueProvider?.GetValue(owner) is ICollection { Count: > 0 };
            return property;
        }
    }
}
