using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parler.Contract.Hosting;
using Parler.Hub.Actions;
using Parler.Hub.Blobs;
using Parler.Hub.Errors;
using Parler.Hub.Features;
using Parler.Hub.Live;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Postgres;
using Parler.Hub.Storage.Sqlite;

namespace Parler.Hub;

/// <summary>A running hub: Kestrel serving the action registry over the fact store.</summary>
internal sealed class HubHost : IAsyncDisposable
{
    /// <summary>The logging category of ASP.NET Core's per-request diagnostics, kept off (see <see cref="StartAsync"/>).</summary>
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly WebApplication _app;

    private HubHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HubHost> StartAsync(
        HubOptions options, TimeProvider time, Action<ILoggingBuilder>? logging, CancellationToken cancellationToken)
    {
        var endpoint = ParseAddress(options.Address);
        if (!IPAddress.IsLoopback(endpoint.Address) && string.IsNullOrEmpty(options.JoinSecret))
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {options.Address}: beyond loopback a hub needs a join secret (set PARLER_JOIN_SECRET), or bind 127.0.0.1.");
        }

        // No watch on appsettings.json for changes: that watcher would follow every folder under the current one (the
        // content root), which costs start-up time, and more the larger the folder the hub happens to start in.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        // ASP.NET Core's hosting layer starts an Activity and a log scope for every request whenever its own logger is on
        // at any level; it logs only request start and finish (the pipeline answers every failure itself). Off, a post
        // costs less CPU and an open stream holds less memory.
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.None);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint, listen =>
            {
                if (options.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }

                // After TLS, so it sees the plain HTTP Kestrel writes.
                listen.Use(KestrelRefusals.Middleware);
            });
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.AddServerHeader = false;

            // Any header byte reaches the actions (which refuse what they cannot use, with a problem body); by default
            // Kestrel answers a non-ASCII byte with a bare 400 before the hub sees the request.
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IHubStore>(sp => options.PostgresConnectionString is { } postgres
            ? new PostgresHubStore(
                postgres,
                time,
                sp.GetRequiredService<ILogger<PostgresHubStore>>(),
                Storage.Checks.PostgresRecordGuard.MarkBase(Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!, postgres),
                options.NewRecord)
            : new SqliteHubStore(options.DatabasePath, time, sp.GetRequiredService<ILogger<SqliteHubStore>>(), options.NewRecord));
        builder.Services.AddSingleton<IBlobStore>(_ => options.PostgresConnectionString is { } blobRecord && options.BlobsFolder is null
            ? new PostgresBlobStore(blobRecord)
            : new FileBlobStore(options.BlobsDirectory));
        builder.Services.AddSingleton(HubFeatures.CreateRegistry());
        builder.Services.AddSingleton<RoomSignals>();
        builder.Services.AddSingleton<HubServices>();
        builder.Services.AddSingleton<ActionPipeline>();
        builder.Services.AddHostedService<Limits.WindowSweeper>();
        builder.Services.AddHostedService<BlobCollector>();

        var app = builder.Build();
        var store = app.Services.GetRequiredService<IHubStore>();

        // The record opens (and checks, or is created) on another thread while the routes are mapped; nothing is
        // served before it is ready, as Kestrel starts only once it is.
        var opening = Task.Run(() => store.InitializeAsync(cancellationToken), CancellationToken.None);
        app.Use(HttpRefusals.AnswerBareStatusAsync);
        var pipeline = app.Services.GetRequiredService<ActionPipeline>();
        foreach (var action in app.Services.GetRequiredService<ActionRegistry>().Actions)
        {
            app.MapMethods(action.Route, [action.Method], http => pipeline.HandleAsync(http, action));
        }

        // "{*path}", not the default "{*path:nonfile}": a file-like path (/v1/x.txt) is answered like any other.
        app.MapFallback("{*path}", http => Problems.WriteAsync(http, ErrorCodes.NotFound, HttpRefusals.NoAction(http)));

        await opening;
        store.Committed += app.Services.GetRequiredService<RoomSignals>().Publish;
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    public static IPEndPoint ParseAddress(string address)
    {
        var text = address.Contains("://", StringComparison.Ordinal) ? new Uri(address).Authority : address;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text["localhost".Length..];
        }

        return IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new ArgumentException($"'{address}' is not an address to listen on; use host:port, for example 127.0.0.1:7070.");
    }
}
