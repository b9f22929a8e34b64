using Microsoft.Data.Sqlite;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// Where a SQLite store's bytes are: pages per table with its indexes (the dbstat virtual table) and rows per table,
/// each divided by the new shoppers served, so a soak shows what one new person costs the store and in which table;
/// then which B-trees the frames in the WAL file belong to (the last up to 64 MB of write traffic): where commits write.
/// </summary>
public static class StoreBreakdown
{
    public static async Task PrintAsync(string sqlitePath, long shoppers, TextWriter output)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 60 }.ToString());
        await connection.OpenAsync();
        var pages = await PagesAsync(connection, sqlitePath);
        if (pages is null)
        {
            output.WriteLine("store breakdown: no dbstat in the bundled SQLite and no sqlite3 command on the PATH; skipped");
            return;
        }

        var divisor = Math.Max(1, shoppers);
        PrintWal(sqlitePath + "-wal", pages.ToDictionary(p => p.PageNo, p => p.Name), output);
        output.WriteLine($"store breakdown after {shoppers:N0} new shoppers (dbstat pages; bytes and rows per new shopper):");
        output.WriteLine($"  {"table",-20} {"index or table",-44} {"MB",9} {"B/shopper",9} {"rows",10} {"rows/shopper",12}");
        foreach (var table in pages.GroupBy(p => p.Table).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var rows = await CountRowsAsync(connection, table.Key);
            foreach (var tree in table.GroupBy(p => p.Name).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var bytes = tree.Sum(p => p.Bytes);
                output.WriteLine($"  {table.Key,-20} {tree.Key,-44} {bytes / 1048576.0,9:F1} {bytes / (double)divisor,9:F0}");
            }

            var total = table.Sum(p => p.Bytes);
            output.WriteLine($"  {table.Key,-20} {"(table with its indexes)",-44} {total / 1048576.0,9:F1} {total / (double)divisor,9:F0} {rows,10} {rows / (double)divisor,12:F2}");
        }

        var all = pages.Sum(p => p.Bytes);
        output.WriteLine($"  {"all",-20} {"",-44} {all / 1048576.0,9:F1} {all / (double)divisor,9:F0}");
    }

    /// <summary>PostgreSQL: each table's size with its indexes and TOAST (pg_total_relation_size) and rows, per new shopper.</summary>
    public static async Task PrintPostgresAsync(string connectionString, long shoppers, TextWriter output)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY 2 DESC;
            """, connection);
        var divisor = (double)Math.Max(1, shoppers);
        output.WriteLine($"store breakdown after {shoppers:N0} new shoppers (pg_total_relation_size: table, indexes and TOAST; rows as last analysed):");
        output.WriteLine($"  {"table",-20} {"MB",9} {"B/shopper",9} {"rows",10}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var bytes = reader.GetInt64(1);
            output.WriteLine($"  {reader.GetString(0),-20} {bytes / 1048576.0,9:F1} {bytes / divisor,9:F0} {reader.GetInt64(2),10}");
        }
    }

    private const string PagesQuery = """
        SELECT COALESCE(m.tbl_name, d.name), d.name, d.pageno, d.pgsize
        FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name;
        """;

    // WAL file: a 32-byte header (page size at 8, big-endian), then frames of a 24-byte header (page number at 0, the
    // database size at 4 when the frame ends a commit, else 0) and one page. Frames of earlier WAL generations still in the
    // file were written by this run's commits too, so all are counted.
    private static void PrintWal(string walPath, Dictionary<long, string> names, TextWriter output)
    {
        byte[] wal;
        try
        {
            using var file = new FileStream(walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            wal = new byte[file.Length];
            file.ReadExactly(wal);
        }
        catch (IOException) { return; }

        if (wal.Length < 32) return;
        var pageSize = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var frames = new Dictionary<string, long>(StringComparer.Ordinal);
        var (total, commits) = (0L, 0L);
        for (var offset = 32L; offset + 24 + pageSize <= wal.Length; offset += 24 + pageSize)
        {
            var page = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan((int)offset));
            if (page == 0) break;
            var name = names.GetValueOrDefault(page, "(page added since, or free)");
            frames[name] = frames.GetValueOrDefault(name) + 1;
            total++;
            if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan((int)offset + 4)) != 0) commits++;
        }

        output.WriteLine($"WAL file: {total:N0} frames of {commits:N0} commits ({(double)total / Math.Max(1, commits):F1} pages a commit), by B-tree:");
        foreach (var (name, count) in frames.OrderByDescending(f => f.Value))
        {
            output.WriteLine($"  {name,-44} {count,8} {100.0 * count / total,6:F1} % {(double)count / Math.Max(1, commits),6:F2} a commit");
        }
    }

    // The SQLite bundled with Microsoft.Data.Sqlite is built without the dbstat table; the sqlite3 shell usually has it.
    private static async Task<List<(string Table, string Name, long PageNo, long Bytes)>?> PagesAsync(SqliteConnection connection, string sqlitePath)
    {
        var pages = new List<(string Table, string Name, long PageNo, long Bytes)>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PagesQuery;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) pages.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            return pages;
        }
        catch (SqliteException) { }

        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-readonly", "-separator", "\t", sqlitePath }) start.ArgumentList.Add(argument);
            using var shell = System.Diagnostics.Process.Start(start)!;
            await shell.StandardInput.WriteLineAsync(PagesQuery);
            shell.StandardInput.Close();
            foreach (var line in (await shell.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split('\t');
                if (fields.Length == 4 && long.TryParse(fields[2], out var page) && long.TryParse(fields[3], out var bytes)) pages.Add((fields[0], fields[1], page, bytes));
            }

            await shell.WaitForExitAsync();
            return shell.ExitCode == 0 ? pages : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    private static async Task<long> CountRowsAsync(SqliteConnection connection, string table)
    {
        if (table.StartsWith("sqlite_", StringComparison.Ordinal)) return 0;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
        try { return (long)(await command.ExecuteScalarAsync())!; }
        catch (SqliteException) { return -1; }
    }
}
