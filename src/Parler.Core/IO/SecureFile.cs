using System.Text;

namespace Parler.Core.IO;

/// <summary>
/// Writes files that only their owner can read, atomically: a reader sees the old contents or the new,
/// never a torn file, and a crash leaves at most a stray temp file rather than a half-written secret.
/// </summary>
internal static class SecureFile
{
    public const UnixFileMode PrivateDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the directory if needed and, on Unix, restricts it to its owner.</summary>
    public static void EnsurePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, PrivateDirectoryMode);

        // The create mode is filtered by the umask and ignored for a directory that already exists.
        if (File.GetUnixFileMode(path) != PrivateDirectoryMode)
        {
            File.SetUnixFileMode(path, PrivateDirectoryMode);
        }
    }

    /// <summary>On Unix, narrows an existing file to owner read/write if anything wider is set.</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~PrivateFileMode) != 0)
        {
            File.SetUnixFileMode(path, PrivateFileMode);
        }
    }

    public static void WriteAllTextAtomic(string path, string contents)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, CreateOptions(FileOptions.None)))
            {
                stream.Write(Utf8NoBom.GetBytes(contents));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static async Task WriteAllTextAtomicAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var temp = TempPathFor(path);
        try
        {
            var stream = new FileStream(temp, CreateOptions(FileOptions.Asynchronous));
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(contents), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static FileStreamOptions CreateOptions(FileOptions options)
    {
        var result = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            result.UnixCreateMode = PrivateFileMode;
        }

        return result;
    }

    // Same directory as the target, so the final rename never crosses a file system.
    private static string TempPathFor(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"{path} has no parent directory.", nameof(path));
        return Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original failure is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort, as above.
        }
    }
}
