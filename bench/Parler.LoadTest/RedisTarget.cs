namespace Parler.LoadTest;

/// <summary>
/// The baseline: Redis Streams with the AOF fsynced on every write. Each sender owns a connection and waits for
/// each XADD's reply (no pipelining), like an HTTP sender; each watcher follows the stream with blocking XREAD on its own connection.
/// </summary>
internal sealed class RedisTarget : ILoadTarget
{
    private const string Stream = "load";
    private const string Field = "m";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("parler-load-redis-");
    private readonly List<RespConnection> _senders = [];
    private RedisProcess? _redis;

    public string Name => "redis (aof always)";

    public TimeSpan ServerCpu => Redis.Process.TotalProcessorTime;

    private RedisProcess Redis => _redis ?? throw new InvalidOperationException("redis-server is not started.");

    public async Task StartAsync(int senders, int watchers, CancellationToken cancellationToken)
    {
        _redis = await RedisProcess.StartAsync(_root.FullName, cancellationToken);
        for (var i = 0; i < senders; i++)
        {
            _senders.Add(await RespConnection.ConnectAsync(_redis.Port, cancellationToken));
        }
    }

    public Task SendAsync(int sender, string body, CancellationToken cancellationToken) =>
        _senders[sender].CommandAsync(["XADD", Stream, "*", Field, body], cancellationToken);

    public async Task WatchAsync(int watcher, Action<string> delivered, CancellationToken cancellationToken)
    {
        await using var connection = await RespConnection.ConnectAsync(Redis.Port, cancellationToken);

        // From the start of a fresh stream rather than '$', so nothing added before the first XREAD is missed.
        var last = "0-0";
        while (true)
        {
            var reply = await connection.CommandAsync(["XREAD", "BLOCK", "0", "STREAMS", Stream, last], cancellationToken);
            if (reply is not object?[] { Length: > 0 } streams || streams[0] is not object?[] { Length: 2 } stream
                || stream[1] is not object?[] entries)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is object?[] { Length: 2 } pair && pair[0] is string id && pair[1] is object?[] { Length: 2 } fields
                    && fields[1] is string body)
                {
                    last = id;
                    delivered(body);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _senders)
        {
            await connection.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _root.Delete(recursive: true);
    }
}
