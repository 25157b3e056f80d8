using System.Net.Http.Headers;

namespace Parler.LoadTest;

/// <summary>
/// Follows a room's SSE stream (<c>GET /v1/rooms/{room}/stream</c>) on its own connection and hands over each message
/// body. It reads the body straight from the event's JSON text instead of parsing the whole fact, so a hundred watchers
/// in the load tool leave the shared cores to the server under test (the load bodies hold no JSON escapes).
/// </summary>
internal static class SseWatch
{
    private const string BodyField = "\"body\":\"";

    public static async Task FollowAsync(Uri server, string token, string room, Action<string> delivered, CancellationToken cancellationToken)
    {
        using var http = Client(server);
        await FollowAsync(http, token, room, delivered, cancellationToken);
    }

    /// <summary>An HTTP client for watchers; one stream at a time per connection, so N streams on it open N connections.</summary>
    public static HttpClient Client(Uri server) =>
        new(new SocketsHttpHandler()) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Follows on <paramref name="http"/>; <paramref name="opened"/> runs once the hub has answered with the stream.</summary>
    public static async Task FollowAsync(
        HttpClient http, string token, string room, Action<string> delivered, CancellationToken cancellationToken, Action? opened = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/rooms/{Uri.EscapeDataString(room)}/stream?after=0");
        request.Headers.Add("Parle-Version", "1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        opened?.Invoke();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && Body(line) is { } body)
            {
                delivered(body);
            }
        }
    }

    private static string? Body(string line)
    {
        var start = line.IndexOf(BodyField, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += BodyField.Length;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}
