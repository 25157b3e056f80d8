using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;
using Parler.Core.Protocol;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>
/// Kestrel refuses a request it cannot parse (a <c>%00</c> or control byte in the path, a bad header line, no Host, a
/// target or headers over its limits, an unknown HTTP version) before the hub sees it, with a bare status and no body.
/// This connection middleware gives those answers a problem body with a registered code, and turns the one 5xx among
/// them (505 for an unknown version: the caller's fault) into a 400. Nothing else in the byte stream changes.
/// </summary>
internal static class KestrelRefusals
{
    /// <summary>Kestrel's own refusal, and nothing the hub writes, starts its head with exactly these header lines.</summary>
    private static ReadOnlySpan<byte> BareHeaders => "Content-Length: 0\r\nConnection: close\r\n"u8;

    private static ReadOnlySpan<byte> StatusLinePrefix => "HTTP/1.1 "u8;

    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new RefusalRewritingPipe(transport);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    /// <summary>The status of Kestrel's bare refusal at the start of <paramref name="written"/>, or 0 when it is not one.</summary>
    public static int BareRefusalStatus(ReadOnlySpan<byte> written)
    {
        if (written.Length < StatusLinePrefix.Length + 3 || !written.StartsWith(StatusLinePrefix))
        {
            return 0;
        }

        var status = written.Slice(StatusLinePrefix.Length, 3);
        if (status[0] is not ((byte)'4' or (byte)'5') || !char.IsAsciiDigit((char)status[1]) || !char.IsAsciiDigit((char)status[2]))
        {
            return 0;
        }

        var lineEnd = written.IndexOf("\r\n"u8);
        return lineEnd > 0 && written[(lineEnd + 2)..].StartsWith(BareHeaders)
            ? ((status[0] - '0') * 100) + ((status[1] - '0') * 10) + (status[2] - '0')
            : 0;
    }

    /// <summary>The whole answer (head and problem body) that replaces Kestrel's bare one.</summary>
    public static byte[] Answer(int kestrelStatus)
    {
        var (error, detail) = kestrelStatus switch
        {
            414 => (ErrorCodes.UriTooLong, "The request target is over the hub's limit. Put long values in a JSON body, not the path or query."),
            431 => (ErrorCodes.HeadersTooLarge, "The request headers are over the hub's limit. Send fewer or shorter headers."),
            408 => (ErrorCodes.RequestTimeout, "The request headers came in too slowly. Retry, sending them at once."),
            413 => (ErrorCodes.BodyTooLarge, "The body is over the hub's limit. Send less."),
            405 => (ErrorCodes.MethodNotAllowed, "This method is not one the hub takes. The actions are listed at /openapi.json."),
            505 => (ErrorCodes.BadRequest, "This HTTP version is not supported. Speak HTTP/1.1 (or HTTP/2)."),
            _ => (ErrorCodes.BadRequest,
                "The request could not be parsed: a NUL or control character in the path (%00 included), a malformed header line, "
                + "no Host header, or a malformed request line. Send well-formed HTTP/1.1; see /openapi.json for the paths."),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(Problems.Create(error, detail), ProtocolJsonContext.Default.ProblemResponse);
        var head = $"HTTP/1.1 {error.Status} {ReasonPhrases.GetReasonPhrase(error.Status)}\r\n"
            + $"Content-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
