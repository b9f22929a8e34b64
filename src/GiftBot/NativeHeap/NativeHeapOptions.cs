using Microsoft.Extensions.Options;

namespace GiftBot.NativeHeap;

/// <summary>The "NativeHeap" section: how often memory freed by native code is handed back to the system.</summary>
public sealed class NativeHeapOptions
{
    public const string SectionName = "NativeHeap";

    /// <summary>How often glibc is asked to return free native memory (Linux); zero never asks.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class NativeHeapOptionsValidator : IValidateOptions<NativeHeapOptions>
{
    public ValidateOptionsResult Validate(string? name, NativeHeapOptions options) =>
        options.TrimInterval == TimeSpan.Zero || options.TrimInterval >= TimeSpan.FromSeconds(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{NativeHeapOptions.SectionName}:{nameof(NativeHeapOptions.TrimInterval)} must be at least one second (00:00:01), or 00:00:00 to never trim, not {options.TrimInterval}.");
}
