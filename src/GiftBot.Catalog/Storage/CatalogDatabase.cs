using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GiftBot.Catalog.Storage;

/// <summary>
/// The catalog's SQLite file. Every import replaces all products inside one transaction, so a failure midway
/// (an exception, a full disk, a killed process) leaves the previous catalog exactly as it was.
/// </summary>
internal sealed class CatalogDatabase(string path)
{
    // No pooling: the catalog opens a connection per import or reload, and pooled handles would keep the file locked.
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public string Path => path;

    public async Task<long> CountProductsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Command(connection, "SELECT COUNT(*) FROM products").ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Changes with every import; lets a running bot notice an import made by the CLI.</summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long)(await Command(connection, "SELECT COALESCE(MAX(version), 0) FROM imports").ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>All products in feed order, with the version they belong to (read together, so they always agree).</summary>
    public async Task<(IReadOnlyList<Product> Products, long Version)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var version = (long)(await Command(connection, "SELECT COALESCE(MAX(version), 0) FROM imports").ExecuteScalarAsync(cancellationToken))!;
        var command = Command(connection, "SELECT " + ProductRows.Columns + " FROM products ORDER BY position");
        var products = new List<Product>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                products.Add(ProductRows.Read(reader));
        }
        return (products, version);
    }

    /// <summary>Replaces the whole catalog atomically. With <paramref name="onlyIfEmpty"/> it does nothing when products exist (seeding).</summary>
    /// <returns>Whether the products were written.</returns>
    public async Task<bool> ReplaceProductsAsync(IEnumerable<Product> products, string source, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (onlyIfEmpty && (long)(await Command(connection, "SELECT COUNT(*) FROM products").ExecuteScalarAsync(cancellationToken))! > 0)
            return false;

        await Command(connection, "DELETE FROM products").ExecuteNonQueryAsync(cancellationToken);
        var insert = ProductRows.InsertCommand(connection);
        var count = 0;
        foreach (var product in products)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ProductRows.Bind(insert, product, count++);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var log = Command(connection, "INSERT INTO imports (source, imported_at, product_count) VALUES ($source, $at, $count)");
        log.Parameters.AddWithValue("$source", source);
        log.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        log.Parameters.AddWithValue("$count", count);
        await log.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Stored meaning vectors of one model, by the hash of the product text they were made from.</summary>
    public async Task<Dictionary<string, float[]>> LoadVectorsAsync(string model, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var command = Command(connection, "SELECT text_hash, vector FROM product_vectors WHERE model = $model");
        command.Parameters.AddWithValue("$model", model);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            vectors[reader.GetString(0)] = GiftBot.Meaning.Vectors.FromBytes((byte[])reader.GetValue(1));
        return vectors;
    }

    /// <summary>Adds new vectors and forgets those no product uses any more, in one transaction.</summary>
    public async Task SaveVectorsAsync(string model, IReadOnlyDictionary<string, float[]> added, IReadOnlySet<string> inUse, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var insert = Command(connection, "INSERT OR REPLACE INTO product_vectors (text_hash, model, vector) VALUES ($hash, $model, $vector)");
        var hash = insert.Parameters.Add("$hash", SqliteType.Text);
        insert.Parameters.AddWithValue("$model", model);
        var vector = insert.Parameters.Add("$vector", SqliteType.Blob);
        foreach (var (key, value) in added)
        {
            hash.Value = key;
            vector.Value = GiftBot.Meaning.Vectors.ToBytes(value);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var stale = new List<string>();
        await using (var reader = await Command(connection, "SELECT text_hash FROM product_vectors").ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                if (!inUse.Contains(reader.GetString(0))) stale.Add(reader.GetString(0));
        }
        var delete = Command(connection, "DELETE FROM product_vectors WHERE text_hash = $hash");
        var staleHash = delete.Parameters.Add("$hash", SqliteType.Text);
        foreach (var key in stale)
        {
            staleHash.Value = key;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Command(connection, Schema).ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS products (
            id TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            price TEXT NOT NULL,
            currency TEXT NOT NULL,
            min_age INTEGER NOT NULL,
            max_age INTEGER NOT NULL,
            interests TEXT NOT NULL,
            availability TEXT NOT NULL,
            condition TEXT NOT NULL,
            link TEXT NOT NULL,
            image_link TEXT NOT NULL,
            brand TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS product_vectors (
            text_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (text_hash, model));
        CREATE TABLE IF NOT EXISTS imports (
            version INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            product_count INTEGER NOT NULL);
        """;
}
