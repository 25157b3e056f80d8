namespace Parler.LoadTest;

/// <summary>A system under load: started fresh for each run, driven by concurrent senders, followed by one or more watchers.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>The row label in the results table.</summary>
    string Name { get; }

    /// <summary>The CPU time the server processes (all hubs of a target) have used so far.</summary>
    TimeSpan ServerCpu { get; }

    /// <summary>Starts the server and prepares one connection (and identity, where there is one) per sender and per watcher.</summary>
    Task StartAsync(int senders, int watchers, CancellationToken cancellationToken);

    /// <summary>One durable send by one sender; returns once the server has acknowledged it.</summary>
    Task SendAsync(int sender, string body, CancellationToken cancellationToken);

    /// <summary>Watcher <paramref name="watcher"/> follows everything sent, calling <paramref name="delivered"/> with each body as it arrives, until cancelled.</summary>
    Task WatchAsync(int watcher, Action<string> delivered, CancellationToken cancellationToken);
}
