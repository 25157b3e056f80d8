using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>A read's query string as the JSON object its input record deserializes from: numbers and flags typed as the record declares.</summary>
internal static class ActionQuery
{
    public static JsonObject ToJson(IQueryCollection query, JsonTypeInfo typeInfo)
    {
        var json = new JsonObject();
        foreach (var (key, values) in query)
        {
            var text = values.ToString();
            if (text.Contains('\0', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
            {
                throw StrictJson.Nul();
            }

            var property = typeInfo.Properties.FirstOrDefault(p => p.Name == key);
            var type = Nullable.GetUnderlyingType(property?.PropertyType ?? typeof(string)) ?? property?.PropertyType;
            json[key] = type == typeof(long) || type == typeof(int)
                ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new HubException(ErrorCodes.ValidationFailed, $"Query '{key}' must be a whole number, not '{text}'.")
                : type == typeof(bool)
                    ? bool.TryParse(text, out var flag)
                        ? flag
                        : throw new HubException(ErrorCodes.ValidationFailed, $"Query '{key}' must be true or false.")
                    : text;
        }

        return json;
    }
}
