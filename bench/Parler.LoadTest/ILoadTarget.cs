namespace Parler.LoadTest;

/// <summary>A system under load: started fresh for each run, driven by concurrent senders, followed by one watcher.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>The row label in the results table.</summary>
    string Name { get; }

    /// <summary>The CPU time the server processes (all hubs of a target) have used so far.</summary>
    TimeSpan ServerCpu { get; }

    /// <summary>Starts the server and prepares one connection (and identity, where there is one) per sender.</summary>
    Task StartAsync(int senders, CancellationToken cancellationToken);

    /// <summary>One durable send by one sender; returns once the server has acknowledged it.</summary>
    Task SendAsync(int sender, string body, CancellationToken cancellationToken);

    /// <summary>Follows everything sent, calling <paramref name="delivered"/> with each body as it arrives, until cancelled.</summary>
    Task WatchAsync(Action<string> delivered, CancellationToken cancellationToken);
}
