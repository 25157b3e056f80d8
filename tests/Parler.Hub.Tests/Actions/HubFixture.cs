using Microsoft.Extensions.DependencyInjection;
using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Hub.Tests.Actions;

/// <summary>A real hub on a loopback port with a hand-moved clock, and clients for fresh identities.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-hub-").FullName;
    private readonly List<HubClient> _clients = [];
    private HubHost? _hub;

    /// <summary>Small, so a test can cross the upload limit cheaply.</summary>
    public const long MaxBlobBytes = 1024 * 1024;

    internal FakeTime Time { get; } = new();

    internal Uri Url => _hub!.Url;

    /// <summary>The hub's own store, for a test that must place facts with chosen ids.</summary>
    internal Hub.Storage.IHubStore Store => _hub!.Services.GetRequiredService<Hub.Storage.IHubStore>();

    /// <summary>The hub's SQLite file, for a test that checks what the store holds byte for byte.</summary>
    internal string DatabasePath => Path.Combine(_folder, "hub.db");

    public async Task InitializeAsync() =>
        _hub = await HubHost.StartAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = DatabasePath, MaxBlobBytes = MaxBlobBytes }, Time, null, CancellationToken.None);

    internal HubClient NewClient(string name)
    {
        var client = new HubClient(Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(_folder, name)), Time);
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _hub!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
