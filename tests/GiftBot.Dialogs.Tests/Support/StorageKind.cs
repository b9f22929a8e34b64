using Microsoft.Bot.Builder;

namespace GiftBot.Dialogs.Tests.Support;

/// <summary>The stores every dialog test runs against: Bot Builder's typed MemoryStorage and plain JSON.</summary>
public enum StorageKind
{
    Memory,
    JsonRoundTrip,
}

public static class StorageKinds
{
    public static TheoryData<StorageKind> All => new() { StorageKind.Memory, StorageKind.JsonRoundTrip };

    public static IStorage Create(StorageKind kind)
        => kind == StorageKind.Memory ? new MemoryStorage() : new JsonRoundTripStorage();
}
