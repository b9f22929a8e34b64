using Microsoft.Data.Sqlite;

namespace GiftBot.Benchmarks.Growth;

/// <summary>
/// Where a SQLite store's bytes are: pages per table with its indexes (the dbstat virtual table) and rows per table,
/// each divided by the new shoppers served, so a soak shows what one new person costs the store and in which table.
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
        output.WriteLine($"store breakdown after {shoppers:N0} new shoppers (dbstat pages; bytes and rows per new shopper):");
        output.WriteLine($"  {"table",-20} {"index or table",-44} {"MB",9} {"B/shopper",9} {"rows",10} {"rows/shopper",12}");
        foreach (var table in pages.GroupBy(p => p.Table))
        {
            var rows = await CountRowsAsync(connection, table.Key);
            foreach (var (_, name, bytes) in table)
            {
                output.WriteLine($"  {table.Key,-20} {name,-44} {bytes / 1048576.0,9:F1} {bytes / (double)divisor,9:F0}");
            }

            var total = table.Sum(p => p.Bytes);
            output.WriteLine($"  {table.Key,-20} {"(table with its indexes)",-44} {total / 1048576.0,9:F1} {total / (double)divisor,9:F0} {rows,10} {rows / (double)divisor,12:F2}");
        }

        var all = pages.Sum(p => p.Bytes);
        output.WriteLine($"  {"all",-20} {"",-44} {all / 1048576.0,9:F1} {all / (double)divisor,9:F0}");
    }

    private const string PagesQuery = """
        SELECT COALESCE(m.tbl_name, d.name), d.name, SUM(d.pgsize)
        FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name
        GROUP BY d.name ORDER BY 1, 2;
        """;

    // The SQLite bundled with Microsoft.Data.Sqlite is built without the dbstat table; the sqlite3 shell usually has it.
    private static async Task<List<(string Table, string Name, long Bytes)>?> PagesAsync(SqliteConnection connection, string sqlitePath)
    {
        var pages = new List<(string Table, string Name, long Bytes)>();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PagesQuery;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) pages.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
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
                if (fields.Length == 3 && long.TryParse(fields[2], out var bytes)) pages.Add((fields[0], fields[1], bytes));
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
