using Parler.Client;
using Parler.Core.Identity;

namespace Parler.LoadTest;

/// <summary>Clients for the benchmarks: each a fresh identity with its token cache under the run's folder.</summary>
internal static class BenchClient
{
    public static HubClient New(DirectoryInfo root, HubProcess hub, string name) =>
        new(hub.Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(root.FullName, "clients", name)), TimeProvider.System);
}
