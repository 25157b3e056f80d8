using System.Globalization;

namespace Parler.Cli.Commands;

/// <summary>
/// One hub per SQLite record: a hub holds <c>&lt;record&gt;.hub-lock</c> open and locked for its whole life (the
/// operating system lets go when the process ends, however it ends) and names itself in <c>&lt;record&gt;.hub-pid</c>.
/// A second hub on the same file is refused, naming the first.
/// </summary>
internal sealed class RecordLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidFile;

    private RecordLock(FileStream held, string pidFile)
    {
        _lock = held;
        _pidFile = pidFile;
    }

    public static string PidFileFor(string record) => Path.GetFullPath(record) + ".hub-pid";

    /// <summary>The pid of the hub serving <paramref name="record"/>, or null when none holds it.</summary>
    public static int? Holder(string record)
    {
        try
        {
            using var probe = new FileStream(Path.GetFullPath(record) + ".hub-lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return ReadPid(PidFileFor(record));
        }
    }

    public static RecordLock Take(string record)
    {
        var path = Path.GetFullPath(record);
        FileStream held;
        try
        {
            held = new FileStream(path + ".hub-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var pid = ReadPid(PidFileFor(record));
            throw new IOException(
                $"another hub (pid {(pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "unknown")}) serves this record ({path}); " +
                "stop it with 'parler hub stop', or give this hub another --db.");
        }

        File.WriteAllText(PidFileFor(record), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        return new RecordLock(held, PidFileFor(record));
    }

    public void Dispose()
    {
        if (ReadPid(_pidFile) == Environment.ProcessId)
        {
            File.Delete(_pidFile);
        }

        _lock.Dispose();
    }

    private static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
