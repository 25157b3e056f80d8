using System.Net;
using System.Net.Sockets;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// A TCP forwarder on a loopback port in front of a real server. <see cref="CloseAsync"/> is the server going away as
/// its clients see it (every open connection reset, new ones refused); <see cref="Open"/> brings it back on the same port.
/// </summary>
public sealed class TcpGate(int port, IPEndPoint target) : IAsyncDisposable
{
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private Task? _accepting;

    public int Port { get; } = port;

    public void Open()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = Task.Run(() => AcceptAsync(listener));
    }

    public async Task CloseAsync()
    {
        _listener?.Stop();
        _listener = null;
        if (_accepting is not null)
        {
            await _accepting;
            _accepting = null;
        }

        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                if (connection.Client is { } socket)
                {
                    // Reset, not a polite close: what a server that is gone looks like.
                    socket.LingerState = new LingerOption(true, 0);
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(target);
            }
            catch (SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The gate closed or a side hung up; the other pump ends with it.
        }

        from.Dispose();
        to.Dispose();
    }
}
