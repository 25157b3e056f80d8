using System.Net;
using System.Net.Sockets;

namespace Parler.EndToEnd.Tests.Harness;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now: bind port 0, read what the OS chose, let it go.</summary>
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
