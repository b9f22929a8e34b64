using System.Globalization;
using System.Runtime.InteropServices;

namespace GiftBot.NativeHeap;

/// <summary>glibc's malloc tuning calls and the reading of the variables that configure them.</summary>
internal static class GlibcMalloc
{
    /// <summary>The configured whole number, or <paramref name="fallback"/> when the variable is empty or unset.</summary>
    public static int ReadWholeNumber(string variable, string? configured, int fallback, string meaning)
    {
        if (string.IsNullOrWhiteSpace(configured)) return fallback;
        if (int.TryParse(configured.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        throw new InvalidOperationException($"{variable} must be {meaning}, not '{configured}'.");
    }

    /// <summary>Sets a mallopt option on glibc; false elsewhere (not Linux, or a libc such as musl without it) or when refused.</summary>
    public static bool TrySetOption(int option, int value)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(option, value) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
