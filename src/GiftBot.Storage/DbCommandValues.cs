using System.Data.Common;
using System.Globalization;

namespace GiftBot.Storage;

/// <summary>What both databases' command helpers do the same way: named parameters in, a scalar out as the type asked for.</summary>
internal static class DbCommandValues
{
    /// <summary>Adds each value as a parameter of that name; null goes in as SQL NULL.</summary>
    public static void AddParameters(DbCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The first column of the first row as <typeparamref name="T"/>; default when there is no row or it is NULL.</summary>
    public static async Task<T?> ScalarAsync<T>(DbCommand command, CancellationToken cancellationToken)
    {
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (result is null or DBNull)
        {
            return default;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(result, type, CultureInfo.InvariantCulture);
    }
}
