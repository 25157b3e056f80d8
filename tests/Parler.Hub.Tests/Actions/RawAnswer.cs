using System.Net.Sockets;
using System.Text;

namespace Parler.Hub.Tests.Actions;

/// <summary>What the hub wrote on a raw connection, for tests that speak HTTP by hand to see refusals as a client does.</summary>
internal static class RawAnswer
{
    /// <summary>Reads until the hub closes the connection, or resets it after its answer.</summary>
    public static async Task<string> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var answer = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // The hub reset the connection after its answer.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
