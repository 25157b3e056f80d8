using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parler.LoadTest;

/// <summary>
/// A minimal RESP2 client on one TCP connection: one command, then wait for its reply (no pipelining).
/// Replies come back as string (simple and bulk), long, null, or object?[] (arrays); errors throw.
/// </summary>
internal sealed class RespConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _request = new();
    private int _start;
    private int _end;

    private RespConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RespConnection> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new RespConnection(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task<object?> CommandAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        _request.SetLength(0);
        Write($"*{arguments.Count}\r\n");
        foreach (var argument in arguments)
        {
            Write($"${Encoding.UTF8.GetByteCount(argument)}\r\n");
            Write(argument);
            Write("\r\n");
        }

        await _stream.WriteAsync(_request.GetBuffer().AsMemory(0, (int)_request.Length), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        _request.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Write(string text) => _request.Write(Encoding.UTF8.GetBytes(text));

    private async Task<object?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        var rest = line[1..];
        switch (line[0])
        {
            case '+':
                return rest;
            case '-':
                throw new InvalidOperationException($"redis: {rest}");
            case ':':
                return long.Parse(rest, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(rest, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                await FillAsync(length + 2, cancellationToken);
                var text = Encoding.UTF8.GetString(_buffer, _start, length);
                _start += length + 2;
                return text;
            case '*':
                var count = int.Parse(rest, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }

                var items = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = await ReadReplyAsync(cancellationToken);
                }

                return items;
            default:
                throw new InvalidDataException($"Not a RESP reply: '{line}'.");
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (newline > _start)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - 1 - _start);
                _start = newline + 1;
                return line;
            }

            scanned = _end - _start;
            await FillAsync(scanned + 1, cancellationToken);
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available in the buffer.</summary>
    private async Task FillAsync(int count, CancellationToken cancellationToken)
    {
        if (count > _buffer.Length)
        {
            throw new InvalidDataException($"A RESP reply of {count} bytes is more than this client buffers.");
        }

        if (_start + count > _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("redis closed the connection.");
            }

            _end += read;
        }
    }
}
