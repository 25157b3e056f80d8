using System.Globalization;
using System.Net;
using Parler.Core.IO;
using Parler.Hub;

namespace Parler.Cli.Commands;

/// <summary>
/// Every running hub, on SQLite or PostgreSQL, names itself under the parler home it runs from:
/// <c>hubs/&lt;address&gt;.pid</c> (its pid, the address it listens on, the record it serves, a PostgreSQL URL without
/// its password) beside <c>hubs/&lt;address&gt;.lock</c>, held for its whole life, so a file left by a hub that died
/// names nothing. <c>parler hub stop</c> finds the one meant by its address, its record, or the configured hub.
/// </summary>
internal sealed class HubRuntime : IDisposable
{
    public const string Folder = "hubs";

    private readonly FileStream _lock;
    private readonly string _pidFile;

    private HubRuntime(FileStream held, string pidFile)
    {
        _lock = held;
        _pidFile = pidFile;
    }

    /// <summary>Names this process as the hub listening on <paramref name="address"/>; null when another holds that name.</summary>
    public static HubRuntime? Take(string home, string address, string record)
    {
        var folder = Path.Combine(home, Folder);
        SecureFile.EnsurePrivateDirectory(folder);
        var key = Key(address);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(folder, key + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        var pidFile = Path.Combine(folder, key + ".pid");
        File.WriteAllText(pidFile, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n{address}\n{record}\n");
        return new HubRuntime(held, pidFile);
    }

    /// <summary>The hubs running from <paramref name="home"/>, by address.</summary>
    public static IReadOnlyList<RunningHub> All(string home)
    {
        var folder = Path.Combine(home, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var hubs = new List<RunningHub>();
        foreach (var pidFile in Directory.EnumerateFiles(folder, "*.pid"))
        {
            var lockFile = pidFile[..^".pid".Length] + ".lock";
            if (RecordLock.IsHeld(lockFile) && Read(pidFile, lockFile) is { } hub)
            {
                hubs.Add(hub);
            }
        }

        return hubs.OrderBy(hub => hub.Address, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> name the same place to listen ("localhost:7070" is "127.0.0.1:7070").</summary>
    public static bool SameAddress(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        try
        {
            return HubHost.ParseAddress(a).Equals(HubHost.ParseAddress(b));
        }
        catch (ArgumentException)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Dispose()
    {
        try
        {
            if (File.ReadAllLines(_pidFile) is [var pid, ..] && pid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            {
                File.Delete(_pidFile);
            }
        }
        catch (IOException)
        {
            // Gone already: nothing names this hub any more, which is what stopping wants.
        }

        _lock.Dispose();
    }

    private static string Key(string address)
    {
        var endpoint = HubHost.ParseAddress(address);
        var host = endpoint.Address.ToString().Replace(':', '_');
        return $"{host}-{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static RunningHub? Read(string pidFile, string lockFile)
    {
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length >= 3 && int.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, out var pid)
                ? new RunningHub(pid, lines[1].Trim(), lines[2].Trim(), lockFile)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The address a hub URL points at, as hubs name theirs ("127.0.0.1:7070").</summary>
    public static string AddressOf(Uri hub) =>
        IPAddress.TryParse(hub.Host.Trim('[', ']'), out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{ip}]:{hub.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{hub.Host}:{hub.Port.ToString(CultureInfo.InvariantCulture)}";
}
