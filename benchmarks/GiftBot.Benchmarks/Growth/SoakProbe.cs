using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// Where this process's memory is, read at one moment (Linux): resident anonymous / file-backed / shared memory from
/// /proc/self/status, what the GC has committed, what SQLite holds (sqlite3_memory_used), what glibc's malloc has handed
/// out and keeps free, and the SQLite database's files: their sizes and the WAL's state from its header and the
/// wal-index (frames written since the WAL last restarted, frames already copied back, restarts so far).
/// </summary>
public sealed record SoakProbe(
    double RssAnonMb, double RssFileMb, double RssShmemMb, double GcCommittedMb, double SqliteMb, double MallocUsedMb, double MallocFreeMb,
    int Threads, double DatabaseMb, double WalMb, long WalFrames, long WalBackfilled, long WalRestarts)
{
    public static SoakProbe Read(string? sqlitePath)
    {
        var status = ReadStatus();
        var (used, free) = Malloc();
        var (frames, backfilled) = sqlitePath is null ? (0L, 0L) : WalIndex(sqlitePath + "-shm");
        return new SoakProbe(
            status.GetValueOrDefault("RssAnon") / 1024.0, status.GetValueOrDefault("RssFile") / 1024.0, status.GetValueOrDefault("RssShmem") / 1024.0,
            GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0, SQLitePCL.raw.sqlite3_memory_used() / 1048576.0, used / 1048576.0, free / 1048576.0,
            (int)status.GetValueOrDefault("Threads"),
            sqlitePath is null ? 0 : FileMb(sqlitePath), sqlitePath is null ? 0 : FileMb(sqlitePath + "-wal"), frames, backfilled,
            sqlitePath is null ? 0 : ReadWalRestarts(sqlitePath + "-wal"));
    }

    private static Dictionary<string, long> ReadStatus()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists("/proc/self/status")) return values;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var number = line[(colon + 1)..].Trim().Split(' ')[0];
            if (long.TryParse(number, out var value)) values[line[..colon]] = value;
        }

        return values;
    }

    private static double FileMb(string path) => File.Exists(path) ? new FileInfo(path).Length / 1048576.0 : 0;

    // The WAL header's checkpoint sequence number (bytes 12-15, big-endian) goes up by one each time the WAL starts over from its beginning.
    private static long ReadWalRestarts(string walPath)
    {
        var header = ReadPrefix(walPath, 16);
        return header.Length < 16 ? 0 : BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    // The wal-index header (native byte order): mxFrame at byte 16, and nBackfill (frames copied into the database) at byte 96.
    private static (long Frames, long Backfilled) WalIndex(string shmPath)
    {
        var header = ReadPrefix(shmPath, 100);
        return header.Length < 100 ? (0, 0) : (BitConverter.ToUInt32(header, 16), BitConverter.ToUInt32(header, 96));
    }

    private static byte[] ReadPrefix(string path, int count)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[count];
            var read = file.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
            return buffer[..read];
        }
        catch (IOException) { return []; }
    }

    private static (long Used, long Free) Malloc()
    {
        if (!OperatingSystem.IsLinux()) return (0, 0);
        try
        {
            var info = mallinfo2();
            return ((long)(info.uordblks + info.hblkhd), (long)info.fordblks);
        }
        catch (EntryPointNotFoundException) { return (0, 0); }
    }

#pragma warning disable IDE1006, SA1300 // glibc's names
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 mallinfo2();
#pragma warning restore IDE1006, SA1300
}
