using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>A real git repository in a temp folder, driven by the real <c>git</c>.</summary>
public sealed class GitRepo(string path)
{
    public string Path { get; } = path;

    /// <summary>An empty repository with an identity for commits and main as its branch.</summary>
    public static GitRepo Init(string path)
    {
        Directory.CreateDirectory(path);
        var repo = new GitRepo(path);
        repo.Git("init", "--quiet", "--initial-branch", "main");
        repo.Configure();
        return repo;
    }

    public static GitRepo Clone(string origin, string path)
    {
        new GitRepo(System.IO.Path.GetDirectoryName(path)!).Git("clone", "--quiet", origin, path);
        var repo = new GitRepo(path);
        repo.Configure();
        return repo;
    }

    public string Commit(string file, string content, string message)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content);
        Git("add", file);
        Git("commit", "--quiet", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {error}");
        return output.Result;
    }

    /// <summary>
    /// HEAD (the file and the commit it names), the index file's bytes, and every file of the working tree with its bytes:
    /// equal snapshots mean nothing a developer works with changed.
    /// </summary>
    public string Snapshot()
    {
        var text = new StringBuilder()
            .Append("HEAD file: ").AppendLine(File.ReadAllText(System.IO.Path.Combine(Path, ".git", "HEAD")))
            .Append("HEAD: ").AppendLine(Git("rev-parse", "HEAD").Trim())
            .Append("index: ").AppendLine(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(System.IO.Path.Combine(Path, ".git", "index")))));
        var gitFolder = System.IO.Path.Combine(Path, ".git") + System.IO.Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(gitFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            text.Append(System.IO.Path.GetRelativePath(Path, file)).Append(": ").AppendLine(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
        }

        return text.ToString();
    }

    private void Configure()
    {
        Git("config", "user.email", "test@parler.invalid");
        Git("config", "user.name", "Parler Test");
        Git("config", "commit.gpgsign", "false");
    }
}
