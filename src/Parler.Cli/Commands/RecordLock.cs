using System.Globalization;

namespace Parler.Cli.Commands;

/// <summary>
/// One hub per SQLite record: a hub holds <c>&lt;record&gt;.hub-lock</c> open and locked for its whole life (the
/// operating system lets go when the process ends, however it ends) and names itself, and the address it listens on,
/// in <c>&lt;record&gt;.hub-pid</c>: each hub's pid file is its record's own. A second hub on the same file is
/// refused, naming the first.
/// </summary>
internal sealed class RecordLock : IDisposable
{
    public const string PidSuffix = ".hub-pid";

    private readonly FileStream _lock;
    private readonly string _pidFile;

    private RecordLock(FileStream held, string pidFile)
    {
        _lock = held;
        _pidFile = pidFile;
    }

    public static string PidFileFor(string record) => Path.GetFullPath(record) + PidSuffix;

    /// <summary>The pid of the hub serving <paramref name="record"/>, or null when none holds it.</summary>
    public static int? Holder(string record) => Serving(record)?.Pid;

    /// <summary>The hub serving <paramref name="record"/> (its pid and, when it said, the address it listens on), or null.</summary>
    public static RunningHub? Serving(string record) => IsHeld(Path.GetFullPath(record) + ".hub-lock") ? Read(record) : null;

    /// <summary>True while a process holds <paramref name="lockFile"/> (a hub's record or runtime lock).</summary>
    public static bool IsHeld(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Takes the record for this process, which listens on <paramref name="address"/>.</summary>
    public static RecordLock Take(string record, string address)
    {
        var path = Path.GetFullPath(record);
        FileStream held;
        try
        {
            held = new FileStream(path + ".hub-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var other = Read(record);
            throw new IOException(
                $"another hub (pid {(other is { } p ? p.Pid.ToString(CultureInfo.InvariantCulture) : "unknown")}) serves this record ({path}{(other?.Address is { } a ? $", listening on {a}" : "")}); " +
                $"stop it with 'parler hub stop --db {path}', or give this hub another --db.");
        }

        File.WriteAllText(PidFileFor(record), $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}\n{address}\n");
        return new RecordLock(held, PidFileFor(record));
    }

    public void Dispose()
    {
        if (ReadPidFile(_pidFile)?.Pid == Environment.ProcessId)
        {
            File.Delete(_pidFile);
        }

        _lock.Dispose();
    }

    private static RunningHub? Read(string record) =>
        ReadPidFile(PidFileFor(record)) is { } hub ? hub with { Record = Path.GetFullPath(record), HeldLock = Path.GetFullPath(record) + ".hub-lock" } : null;

    private static RunningHub? ReadPidFile(string pidFile)
    {
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 0 && int.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, out var pid)
                ? new RunningHub(pid, lines.Length > 1 && lines[1].Trim() is { Length: > 0 } address ? address : null, "")
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
