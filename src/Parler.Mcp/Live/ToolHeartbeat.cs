using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Parler.Mcp.Live;

/// <summary>
/// For a call that carries a progress token: a progress notification every beat while the call runs, so a client that
/// resets its timeout on progress never gives up on a waiting read, a join or a lease.
/// </summary>
internal sealed class ToolHeartbeat(McpServer server, ProgressToken token, TimeProvider time)
{
    public async Task<T> WhileAsync<T>(Task<T> work, TimeSpan every, CancellationToken cancellationToken)
    {
        var beats = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                var tick = Task.Delay(every, time, stop.Token);
                if (await Task.WhenAny(work, tick) == work)
                {
                    return await work;
                }

                beats++;
                await server.NotifyProgressAsync(
                    token, new ProgressNotificationValue { Progress = beats, Message = $"still waiting ({beats * (int)every.TotalSeconds}s)" },
                    cancellationToken: cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
    }
}
