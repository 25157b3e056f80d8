using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Parler.LoadTest;

/// <summary>The floor server's state: request bodies appended to a list, and a wake-up for the streams following it.</summary>
internal sealed class FloorLog
{
    private static readonly byte[] EventHead = "data: {\"seq\":"u8.ToArray();
    private static readonly byte[] EventMiddle = ",\"type\":\"message.posted\",\"at\":0,\"actor\":\"\",\"principal\":\"\",\"authority\":\"\",\"prev\":\"\",\"hash\":\"\",\"stream\":\"\",\"data\":"u8.ToArray();
    private static readonly byte[] EventTail = "}\n\n"u8.ToArray();

    private readonly List<byte[]> _entries = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Appends the body as it came and answers with the shape of the hub's reply (room, seq, hash, at).</summary>
    public async Task AppendAsync(HttpContext context)
    {
        var body = await ReadAsync(context.Request);
        long seq;
        TaskCompletionSource appended;
        lock (_gate)
        {
            _entries.Add(body);
            seq = _entries.Count;
            appended = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        appended.TrySetResult();
        var room = (string?)context.Request.RouteValues["room"];
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"{{\"room\":\"{room}\",\"seq\":{seq},\"hash\":\"{new string('0', 64)}\",\"at\":\"{DateTimeOffset.UnixEpoch:O}\"}}"));
    }

    /// <summary>Writes every entry after the query's <c>after</c> as an SSE event, then each new one as it lands.</summary>
    public async Task StreamAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var next = int.TryParse(context.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync(cancellationToken);
        var output = context.Response.BodyWriter;
        try
        {
            while (true)
            {
                byte[][] batch;
                Task appended;
                lock (_gate)
                {
                    batch = [.. _entries.Slice(next, _entries.Count - next)];
                    appended = _appended.Task;
                }

                foreach (var entry in batch)
                {
                    next++;
                    output.Write(EventHead);
                    output.Write(Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
                    output.Write(EventMiddle);
                    output.Write(entry);
                    output.Write(EventTail);
                }

                await output.FlushAsync(cancellationToken);
                await appended.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The watcher went away.
        }
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
