using System.Net;
using System.Net.Sockets;

namespace Parler.Tests.Shared;

/// <summary>A loopback port nobody listens on right now: bind port 0, read what the OS chose, let it go.</summary>
internal static class FreePort
{
    public static int Pick()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
