namespace GiftBot.Messenger.Inbound;

/// <summary>What a webhook messaging item is, decided once by <see cref="MessengerEventReader"/> from its fields.</summary>
public enum MessengerEventKind
{
    Unknown,
    Message,
    Echo,
    Postback,
    Referral,
    Read,
    Delivery,
    Optin,
    Reaction,
    Handover,
}
