using Parler.Core.IO;

namespace Parler.Cli.Connect;

/// <summary>
/// Writes and removes Parler's entry in one host's file: the original is backed up once beside it
/// (<c>file.parler-backup</c>), writes are atomic and keep the file's mode, and a malformed file is never touched.
/// </summary>
internal static class ConfigFile
{
    public const string BackupSuffix = ".parler-backup";

    public static string BackupOf(string path) => path + BackupSuffix;

    /// <summary>The file's text, or "" when it does not exist.</summary>
    public static string ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>Parler's entry as the file holds it now; throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static McpEntry? ReadEntry(AgentHost host) => Guard(host, () => host.Format.Read(ReadText(host.ConfigPath)));

    public static ConfigChange Apply(AgentHost host, McpEntry entry)
    {
        var path = host.ConfigPath;
        var exists = File.Exists(path);
        var before = ReadText(path);
        var after = Guard(host, () => host.Format.Write(before, entry));
        if (exists && after == before)
        {
            return ConfigChange.Unchanged;
        }

        if (exists && !File.Exists(BackupOf(path)) && !(host.Format.Read(before) is not null && OnlyOurs(host, before, null, entry)))
        {
            File.Copy(path, BackupOf(path));
        }

        Write(path, after);
        return exists ? ConfigChange.Written : ConfigChange.Created;
    }

    /// <summary>
    /// Takes our entry out. When it was the only change since the backup (or since we created the file), the original
    /// comes back byte for byte; otherwise only our entry goes and everything added since stays.
    /// </summary>
    public static ConfigChange Remove(AgentHost host, McpEntry entry)
    {
        var path = host.ConfigPath;
        if (!File.Exists(path))
        {
            return ConfigChange.Absent;
        }

        var backup = BackupOf(path);
        var current = File.ReadAllText(path);
        var without = Guard(host, () => host.Format.Remove(current));
        if (without == current)
        {
            return ConfigChange.Absent;
        }

        var original = File.Exists(backup) ? File.ReadAllText(backup) : null;
        var onlyOurs = OnlyOurs(host, current, original, entry);
        if (onlyOurs && original is not null)
        {
            File.Copy(backup, path, overwrite: true);
            File.Delete(backup);
            return ConfigChange.Restored;
        }

        if (onlyOurs)
        {
            File.Delete(path);
            return ConfigChange.Deleted;
        }

        Write(path, without);
        return ConfigChange.Removed;
    }

    /// <summary>Whether <paramref name="current"/> differs from <paramref name="original"/> (null: no file) by Parler's entry alone.</summary>
    private static bool OnlyOurs(AgentHost host, string current, string? original, McpEntry entry) =>
        Guard(host, () => host.Format.Remove(current)) == Guard(host, () => host.Format.Remove(host.Format.Write(original ?? "", entry)));

    private static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        UnixFileMode? mode = !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : null;
        SecureFile.WriteAllTextAtomic(path, text);
        if (mode is { } kept && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, kept);
        }
    }

    private static T Guard<T>(AgentHost host, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{host.ConfigPath} was left untouched: {ex.Message.TrimEnd('.')}. Fix the file and run again.", ex);
        }
    }
}
