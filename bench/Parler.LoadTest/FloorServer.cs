using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Parler.LoadTest;

/// <summary>
/// The floor: the least a server can do for a post over the same HTTP as the hub. Kestrel, two routes with the hub's
/// paths, an in-memory append and a reply, and an SSE stream of what was appended. No auth, parsing, signature check,
/// storage or fsync. The load tool runs it as its own child process (<c>--floor-server ADDR</c>), like a hub.
/// </summary>
internal static class FloorServer
{
    public const string Argument = "--floor-server";

    public static async Task<int> RunAsync(string address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPEndPoint.Parse(address));
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var log = new FloorLog();
        app.MapPost("/v1/rooms/{room}/messages", log.AppendAsync);
        app.MapGet("/v1/rooms/{room}/stream", log.StreamAsync);
        await app.StartAsync();
        Console.WriteLine($"http://{address}");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
