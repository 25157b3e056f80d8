using Microsoft.AspNetCore.Http;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>
/// Refusals the hub did not word itself (Kestrel's while a body streams, routing's bare status codes), given a
/// registered code and a problem body like every other answer.
/// </summary>
internal static class HttpRefusals
{
    public static HubException FromKestrel(BadHttpRequestException ex) => ex.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new(ErrorCodes.BodyTooLarge, "The body is over the hub's limit. Send less (split long text into several messages)."),
        StatusCodes.Status408RequestTimeout => new(ErrorCodes.RequestTimeout, "The body came in too slowly. Retry, sending it at once."),
        _ => new(ErrorCodes.BadRequest, $"The request could not be read: {ex.Message} Send well-formed HTTP/1.1 (or HTTP/2)."),
    };

    /// <summary>Writes a problem body for a bare 4xx or 5xx that nothing else answered (routing's 404 and 405, for example).</summary>
    public static async Task AnswerBareStatusAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            var refusal = FromKestrel(ex);
            await Problems.WriteAsync(http, refusal.Error, refusal.Message);
            return;
        }

        if (http.Response.HasStarted || http.Response.StatusCode < 400)
        {
            return;
        }

        var (error, detail) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.NotFound, NoAction(http)),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, NoAction(http)),
            StatusCodes.Status413PayloadTooLarge => (ErrorCodes.BodyTooLarge, "The body is over the hub's limit. Send less."),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "Send 'Content-Type: application/json'."),
            StatusCodes.Status408RequestTimeout => (ErrorCodes.RequestTimeout, "The request came in too slowly. Retry."),
            >= 500 => (ErrorCodes.Internal, "The hub failed on this request. Retry; if it persists, report it with the time."),
            _ => (ErrorCodes.BadRequest, $"The hub could not take this request ({http.Response.StatusCode}). Check it against /openapi.json."),
        };
        await Problems.WriteAsync(http, error, detail);
    }

    public static string NoAction(HttpContext http) =>
        $"No action at {http.Request.Method} {http.Request.Path}. The actions are listed at /openapi.json and /llms.txt.";
}
