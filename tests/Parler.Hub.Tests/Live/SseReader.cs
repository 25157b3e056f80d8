using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Parler.Core.Protocol;

namespace Parler.Hub.Tests.Live;

/// <summary>A raw SSE stream of one room read in the background: waits for a seq to arrive, or for the hub to end the stream.</summary>
internal sealed class SseReader : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Lock _lock = new();
    private readonly List<(long Seq, TaskCompletionSource Seen)> _waiting = [];
    private TaskCompletionSource _pinged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _last = -1;
    private Task _reading = Task.CompletedTask;

    private SseReader(HttpResponseMessage response) => _response = response;

    public static async Task<SseReader> OpenAsync(HttpClient http, string token, string room, long after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/rooms/{room}/stream?after={after}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reader = new SseReader(response);
        reader._reading = reader.ReadAsync();
        return reader;
    }

    /// <summary>Completes once an event with <paramref name="seq"/> or later has arrived.</summary>
    public Task SeenAsync(long seq)
    {
        lock (_lock)
        {
            if (_last >= seq)
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((seq, seen));
            return seen.Task.WaitAsync(Deadline);
        }
    }

    /// <summary>Completes at the next ': ping' comment the hub sends.</summary>
    public Task PingedAsync()
    {
        lock (_lock)
        {
            return _pinged.Task.WaitAsync(Deadline);
        }
    }

    /// <summary>Completes when the hub ends the stream.</summary>
    public Task EndedAsync() => _reading.WaitAsync(Deadline);

    private async Task ReadAsync()
    {
        await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
        using var lines = new StreamReader(body);
        while (await lines.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line == ": ping")
            {
                lock (_lock)
                {
                    _pinged.TrySetResult();
                    _pinged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var seq = JsonSerializer.Deserialize(line["data: ".Length..], ProtocolJsonContext.Default.EventView)!.Seq;
                lock (_lock)
                {
                    _last = seq;
                    foreach (var (wanted, seen) in _waiting.Where(w => w.Seq <= seq).ToList())
                    {
                        seen.TrySetResult();
                        _waiting.Remove((wanted, seen));
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _response.Dispose();
        _stop.Dispose();
    }
}
