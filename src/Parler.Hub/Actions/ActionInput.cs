using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>Reads an action's input from the body (writes) or the query string (reads), refusing anything it does not declare.</summary>
internal static class ActionInput
{
    /// <summary>
    /// The typed input: a body is checked (<see cref="StrictJson"/>, which also names its top-level keys) and deserialized
    /// once, straight from its bytes, into the action's input record; a query string (reads) goes through a JSON object.
    /// </summary>
    public static async Task<object?> ReadAsync(ActionCall call, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var (http, action) = (call.Http, call.Action);
        var typeInfo = action.Input!;
        if (HttpMethods.IsGet(http.Request.Method) || action.RequestContentType is not null)
        {
            var query = FromQuery(http.Request.Query, typeInfo);
            RefuseUnknown(action, query.Select(p => p.Key));
            return Typed(() => query.Deserialize(typeInfo));
        }

        var body = await FromBodyAsync(http.Request, maxBodyBytes, cancellationToken);
        call.Body = body;
        if (body.Length == 0)
        {
            return Typed(() => JsonSerializer.Deserialize("{}"u8, typeInfo));
        }

        RefuseUnknown(action, StrictJson.Check(body.Span));
        return Typed(() => JsonSerializer.Deserialize(body.Span, typeInfo));
    }

    private static void RefuseUnknown(ActionDefinition action, IEnumerable<string> keys)
    {
        var typeInfo = action.Input!;
        List<string>? unknown = null;
        foreach (var key in keys)
        {
            if (!typeInfo.Properties.Any(p => p.Name == key))
            {
                (unknown ??= []).Add(key);
            }
        }

        if (unknown is not null)
        {
            var known = typeInfo.Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            throw new HubException(
                ErrorCodes.UnknownField,
                $"{action.Name} does not take {string.Join(", ", unknown.Select(u => $"'{u}'"))}. " +
                $"It takes: {(known.Count == 0 ? "nothing" : string.Join(", ", known))}.");
        }
    }

    private static object? Typed(Func<object?> deserialize)
    {
        try
        {
            return deserialize();
        }
        catch (JsonException ex)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"Field {ex.Path ?? "?"} has the wrong type: {ex.Message}");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> FromBodyAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            throw TooLarge(maxBodyBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await ReadChunkAsync(request, chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw TooLarge(maxBodyBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new HubException(ErrorCodes.UnsupportedMediaType, $"Got '{type}'. Send 'Content-Type: application/json'.");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Kestrel's own refusals while the body streams in (over its size limit, broken chunking) are the caller's to fix.</summary>
    private static async Task<int> ReadChunkAsync(HttpRequest request, byte[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await request.Body.ReadAsync(chunk, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            throw HttpRefusals.FromKestrel(ex);
        }
    }

    private static JsonObject FromQuery(IQueryCollection query, JsonTypeInfo typeInfo)
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

    private static HubException TooLarge(int max) =>
        new(ErrorCodes.BodyTooLarge, $"The body is over {max} bytes, this action's limit. Send less (split long text into several messages).");
}
