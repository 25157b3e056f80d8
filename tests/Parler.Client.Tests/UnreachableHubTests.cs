using System.Net.Sockets;
using Parler.Core.Identity;
using Shouldly;

namespace Parler.Client.Tests;

/// <summary>
/// A hub that dies mid-connect can surface as a bare SocketException ("Transport endpoint is not connected"), not an
/// HttpRequestException; the CLI must still say the hub is unreachable (exit 3) rather than crash with a stack trace.
/// </summary>
public sealed class UnreachableHubTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-unreachable-").FullName;

    [Fact]
    public async Task Call_SocketDroppedAsItConnects_IsTheHubUnreachable()
    {
        using var client = new HubClient(
            new Uri("http://127.0.0.1:1"), new AgentIdentity(AgentKey.Generate(), "lost"), new TokenCache(_folder), TimeProvider.System, new DroppingHandler());

        var refused = await Should.ThrowAsync<HubClientException>(() => client.ListRoomsAsync(CancellationToken.None));

        refused.Message.ShouldStartWith("Cannot reach the hub at http://127.0.0.1:1/");
        refused.InnerException.ShouldBeOfType<SocketException>();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class DroppingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new SocketException((int)SocketError.NotConnected);
    }
}
