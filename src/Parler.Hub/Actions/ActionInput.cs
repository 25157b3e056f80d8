using System.Text.Json;
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
            var query = ActionQuery.ToJson(http.Request.Query, typeInfo);
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

        var body = request.ContentLength is { } length
            ? await ReadSizedAsync(request, new byte[length], cancellationToken)
            : await ReadChunkedAsync(request, maxBodyBytes, cancellationToken);
        if (body.Length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new HubException(ErrorCodes.UnsupportedMediaType, $"Got '{type}'. Send 'Content-Type: application/json'.");
        }

        return body;
    }

    /// <summary>A body of a declared length (already checked against the limit) straight into one array of that size.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadSizedAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < body.Length && (read = await ReadChunkAsync(request, body.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return body.AsMemory(0, filled);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
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

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Kestrel's own refusals while the body streams in (over its size limit, broken chunking) are the caller's to fix.</summary>
    private static async Task<int> ReadChunkAsync(HttpRequest request, Memory<byte> chunk, CancellationToken cancellationToken)
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

    private static HubException TooLarge(int max) =>
        new(ErrorCodes.BodyTooLarge, $"The body is over {max} bytes, this action's limit. Send less (split long text into several messages).");
}
