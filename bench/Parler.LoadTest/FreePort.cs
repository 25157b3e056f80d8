using System.Net;
using System.Net.Sockets;

namespace Parler.LoadTest;

/// <summary>A loopback port nobody is listening on right now (the OS picks it).</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
