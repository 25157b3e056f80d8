using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>
/// Every call's one path: signed in with the cached token (signing in again once when it expired), retried while the
/// hub is unreachable within <see cref="RetryWindow"/> when safe, and a refusal read as the hub's problem details.
/// </summary>
internal sealed partial class HubClient
{
    private static StringContent Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(value, typeInfo), Encoding.UTF8, "application/json");

    private Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> output, bool authenticate, string? idempotencyKey,
        bool retry, CancellationToken cancellationToken) =>
        SendAsync(
            method, path, content, async (stream, ct) => (await JsonSerializer.DeserializeAsync(stream, output, ct))!, authenticate,
            idempotencyKey, retry, cancellationToken);

    /// <summary>A call whose answer <paramref name="read"/> parses from the body as it arrives.</summary>
    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, Func<Stream, CancellationToken, ValueTask<T>> read, bool authenticate,
        string? idempotencyKey, bool retry, CancellationToken cancellationToken)
    {
        var body = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken);
        var deadline = _time.GetUtcNow() + RetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        var reauthorized = false;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Parle-Version", "1");
            if (authenticate)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(false, cancellationToken));
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            HubClientException failure;
            try
            {
                // Headers first: the answer is parsed as it arrives, not after the whole body is buffered (a catch-up is many MB).
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                _reached = true;
                if (response.IsSuccessStatusCode)
                {
                    await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    try
                    {
                        return await read(stream, cancellationToken);
                    }
                    catch (JsonException ex)
                    {
                        throw new HubClientException($"The hub at {Hub} sent an answer that is not the expected JSON ({ex.Message}). Is it a Parler hub of this version?", ex);
                    }
                }

                failure = await ProblemAsync(response, cancellationToken);
                if (authenticate && !reauthorized && failure.Problem?.Action == "reauthorize")
                {
                    reauthorized = true;
                    _token = null;
                    await TokenAsync(true, cancellationToken);
                    continue;
                }

                if (!failure.Retryable || response.StatusCode < HttpStatusCode.InternalServerError)
                {
                    throw failure;
                }
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                failure = Unreachable(ex);
            }

            if (!retry || !_reached || _time.GetUtcNow() + delay > deadline)
            {
                throw failure;
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>
    /// The hub could not be reached. A connection the hub drops as it dies can also surface as a bare SocketException
    /// (for example "Transport endpoint is not connected" while the handler reads the socket's address), not wrapped in
    /// an HttpRequestException; one dropped while its answer is read surfaces as an HttpIOException.
    /// </summary>
    private static bool IsUnreachable(Exception ex) => ex is HttpRequestException or HttpIOException or System.Net.Sockets.SocketException;

    private HubClientException Unreachable(Exception ex) => new(
        $"Cannot reach the hub at {Hub}: {ex.Message}. Start one with 'parler hub', or point at another with --hub URL or PARLER_HUB.", ex);

    private static async Task<HubClientException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize(text, LenientJson.Context.ProblemResponse) is { Code: not null } problem)
            {
                return new HubClientException(problem);
            }
        }
        catch (JsonException)
        {
            // Not a hub answer; described below.
        }

        return new HubClientException(
            new ProblemResponse("about:blank", response.ReasonPhrase ?? "error", (int)response.StatusCode,
                $"The server at that address answered {(int)response.StatusCode} without a Parler error. Is it a Parler hub?",
                "unexpected_response", "stop", false));
    }
}
