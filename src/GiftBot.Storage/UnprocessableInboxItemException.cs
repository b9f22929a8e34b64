namespace GiftBot.Storage;

/// <summary>
/// An inbox item whose content cannot be processed (it is malformed, or names something that cannot exist): retrying
/// gives the same failure, so the worker parks it at once and the partition's next item goes ahead.
/// The message describes the problem, never the item's content.
/// </summary>
public sealed class UnprocessableInboxItemException(string message, Exception? innerException = null) : Exception(message, innerException);
