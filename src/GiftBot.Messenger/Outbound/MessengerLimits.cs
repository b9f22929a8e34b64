namespace GiftBot.Messenger.Outbound;

/// <summary>Meta's documented Send API limits (MP/send-messages, templates, quick replies).</summary>
public static class MessengerLimits
{
    /// <summary>message.text "must be less than 2000 characters".</summary>
    public const int TextLength = 1999;
    public const int QuickReplies = 13;
    public const int QuickReplyTitle = 20;
    public const int Payload = 1000;
    public const int GenericElements = 10;
    public const int ElementTitle = 80;
    public const int ElementSubtitle = 80;
    public const int ButtonsPerTemplate = 3;
    public const int ButtonTitle = 20;
    public const int ButtonTemplateText = 640;
}
