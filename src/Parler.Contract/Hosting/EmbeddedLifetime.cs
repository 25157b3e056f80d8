using Microsoft.Extensions.Hosting;

namespace Parler.Contract.Hosting;

/// <summary>
/// The hub and the MCP server run inside a command that owns the process's signals, so the host must not install its own
/// Ctrl+C handler (it would swallow the signal and leave the hub half-stopped).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
