using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Parler.Core.Protocol;
using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>Writes an error as RFC 9457 problem details with the registry's code and advice.</summary>
internal static class Problems
{
    public static ProblemResponse Create(ErrorCode error, string detail, IReadOnlyList<string>? supportedVersions = null) =>
        new("urn:parler:error:" + error.Code, error.Title, error.Status, detail, error.Code, error.ActionName, error.Retryable, supportedVersions);

    public static async Task WriteAsync(
        HttpContext http, ErrorCode error, string detail, IReadOnlyList<string>? supportedVersions = null, TimeSpan? retryAfter = null)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = error.Status;
        http.Response.ContentType = "application/problem+json";
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonSerializer.SerializeAsync(
            http.Response.Body, Create(error, detail, supportedVersions), ProtocolJsonContext.Default.ProblemResponse, http.RequestAborted);
    }
}
