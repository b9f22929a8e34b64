using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GiftBot.Dialogs;

/// <summary>
/// Reads values back from persisted dialog state. Storage keeps plain JSON (no type names), so a value written as
/// a typed object may come back as a JObject, JArray, long, double or string; this converts instead of casting.
/// </summary>
public static class StateConvert
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault(
        new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None });

    /// <summary>Converts a stored value to <typeparamref name="T"/>; null stays default.</summary>
    /// <exception cref="DialogStateException">The value cannot be represented as <typeparamref name="T"/>.</exception>
    public static T? To<T>(object? value, string? dialogId = null)
    {
        try
        {
            return ConvertValue<T>(value);
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException
            or OverflowException or ArgumentException)
        {
            throw new DialogStateException(
                $"A stored value of type {value?.GetType().Name} cannot be read as {typeof(T).Name}.", dialogId, ex);
        }
    }

    /// <summary>Converts a stored value, or returns false when it is missing or of another shape.</summary>
    public static bool TryTo<T>(object? value, out T? result)
    {
        try
        {
            result = ConvertValue<T>(value);
            return value is not null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException
            or OverflowException or ArgumentException)
        {
            result = default;
            return false;
        }
    }

    /// <summary>
    /// Reads a string-keyed dictionary that may have come back as a JObject. JSON scalars are unwrapped
    /// (long, double, string, bool); nested objects and arrays stay JTokens for <see cref="To{T}"/>.
    /// </summary>
    public static Dictionary<string, object?> ToDictionary(object? value, string? dialogId = null)
    {
        switch (value)
        {
            case null:
                return [];
            case Dictionary<string, object?> dictionary:
                return dictionary;
            case IDictionary<string, object?> other:
                return new Dictionary<string, object?>(other);
            case JObject json:
                return json.Properties().ToDictionary(p => p.Name, p => Unwrap(p.Value));
            default:
                throw new DialogStateException(
                    $"A stored dictionary came back as {value.GetType().Name}.", dialogId);
        }
    }

    /// <summary>Turns a JSON scalar into its CLR value; objects and arrays stay JTokens.</summary>
    public static object? Unwrap(JToken? token) => token switch
    {
        null => null,
        JValue scalar => scalar.Value,
        _ => token,
    };

    private static T? ConvertValue<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JToken token:
                return token.Type == JTokenType.Null ? default : token.ToObject<T>(Serializer);
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target == typeof(string)))
        {
            return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        if (target.IsEnum && value is string name)
        {
            return (T)Enum.Parse(target, name, ignoreCase: true);
        }

        return JToken.FromObject(value, Serializer).ToObject<T>(Serializer);
    }
}
