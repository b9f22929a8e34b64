namespace GiftBot.Customers.Context;

/// <summary>The changes the middleware, rules and agents make to a context. Each returns whether anything changed.</summary>
public static class CustomerContextChanges
{
    /// <summary>A qualifying interaction: opens (or keeps open) the 24-hour window. Never moves the time backwards.</summary>
    public static bool RecordInteraction(this CustomerContext context, DateTimeOffset at, bool isUserMessage)
    {
        var changed = false;
        if (context.LastInteractionAt is null || at > context.LastInteractionAt)
        {
            context.LastInteractionAt = at;
            changed = true;
        }

        if (isUserMessage && (context.LastUserMessageAt is null || at > context.LastUserMessageAt))
        {
            context.LastUserMessageAt = at;
            changed = true;
        }

        return context.RecordSeen(at) || changed;
    }

    public static bool RecordSeen(this CustomerContext context, DateTimeOffset at)
    {
        if (context.LastSeenAt is not null && at <= context.LastSeenAt)
        {
            return false;
        }

        context.LastSeenAt = at;
        return true;
    }

    /// <summary>Appends a message and drops the oldest beyond <paramref name="limit"/>.</summary>
    public static void AppendMessage(this CustomerContext context, RecentMessage message, int limit)
    {
        context.RecentMessages.Add(message);
        if (context.RecentMessages.Count > limit)
        {
            context.RecentMessages.RemoveRange(0, context.RecentMessages.Count - limit);
        }
    }

    /// <summary>The first entry is kept forever; the latest is replaced by every new entry.</summary>
    public static void RecordEntry(this CustomerContext context, EntrySource entry)
    {
        context.FirstEntry ??= entry;
        context.LatestEntry = entry;
    }

    /// <summary>Adds already-normalised tags; returns false when all were present.</summary>
    public static bool AddTags(this CustomerContext context, IEnumerable<string> tags)
    {
        var merged = context.Tags.Union(tags, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (merged.SequenceEqual(context.Tags, StringComparer.Ordinal))
        {
            return false;
        }

        context.Tags = merged;
        return true;
    }

    public static bool RemoveTag(this CustomerContext context, string tag) => context.Tags.Remove(tag);

    public static bool ReplaceTags(this CustomerContext context, IReadOnlyCollection<string> tags)
    {
        var sorted = tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sorted.SequenceEqual(context.Tags, StringComparer.Ordinal))
        {
            return false;
        }

        context.Tags = sorted;
        return true;
    }

    /// <summary>
    /// Moves the thread to <paramref name="status"/>. "Since" only moves when the status changes, so repeating a status
    /// (a duplicate pass_thread_control) does not reset the idle clock; owner and agent are updated when given.
    /// </summary>
    public static bool SetHandover(this CustomerContext context, HandoverStatus status, DateTimeOffset at, string? ownerAppId, string? agentId)
    {
        var handover = context.Handover;
        if (handover.Status == status && (ownerAppId is null || ownerAppId == handover.OwnerAppId) && (agentId is null || agentId == handover.AgentId))
        {
            return false;
        }

        if (handover.Status != status)
        {
            context.Handover = new HandoverInfo { Status = status, Since = at };
            handover = context.Handover;
        }

        handover.OwnerAppId = ownerAppId ?? handover.OwnerAppId;
        handover.AgentId = agentId ?? handover.AgentId;
        return true;
    }
}
