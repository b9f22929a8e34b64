namespace GiftBot.Customers.Context;

/// <summary>The store calls other parts of GiftBot make: the Messenger profile client, referral handling, "stop".</summary>
public static class CustomerContextStoreExtensions
{
    /// <summary>Fills the profile; null arguments leave what is known.</summary>
    public static Task<CustomerContext?> SetProfileAsync(
        this ICustomerContextStore store, string channelId, string userId, string? firstName, string? locale, string? timeZone, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.UpdateAsync(channelId, userId, context =>
        {
            var profile = context.Profile;
            var changed = (firstName is not null && firstName != profile.FirstName)
                || (locale is not null && locale != profile.Locale)
                || (timeZone is not null && timeZone != profile.TimeZone);
            profile.FirstName = firstName ?? profile.FirstName;
            profile.Locale = locale ?? profile.Locale;
            profile.TimeZone = timeZone ?? profile.TimeZone;
            profile.UpdatedAt = changed ? at : profile.UpdatedAt;
            return changed;
        }, createIfMissing: true, cancellationToken);

    /// <summary>Records how the person came in: the first entry is kept, the latest replaced.</summary>
    public static Task<CustomerContext?> RecordEntryAsync(
        this ICustomerContextStore store, string channelId, string userId, EntrySource entry, CancellationToken cancellationToken) =>
        store.UpdateAsync(channelId, userId, context =>
        {
            context.RecordEntry(entry);
            return true;
        }, createIfMissing: true, cancellationToken);

    public static Task<CustomerContext?> SetFollowUpsOptedOutAsync(
        this ICustomerContextStore store, string channelId, string userId, bool optedOut, CancellationToken cancellationToken) =>
        store.UpdateAsync(channelId, userId, context =>
        {
            var changed = context.FollowUpsOptedOut != optedOut;
            context.FollowUpsOptedOut = optedOut;
            return changed;
        }, createIfMissing: true, cancellationToken);

    /// <summary>A read receipt or similar sign of presence: moves "last seen" only (does not open the messaging window).</summary>
    public static Task<CustomerContext?> RecordSeenAsync(
        this ICustomerContextStore store, string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.UpdateAsync(channelId, userId, context => context.RecordSeen(at), createIfMissing: false, cancellationToken);
}
