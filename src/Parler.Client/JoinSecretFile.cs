using Parler.Core.IO;

namespace Parler.Client;

/// <summary>
/// A team hub's join secret, kept owner-only in the agent's PARLER_HOME so it never rides in argv, an MCP config or
/// anything a model reads. PARLER_JOIN_SECRET, when set, wins.
/// </summary>
internal static class JoinSecretFile
{
    public const string FileName = "join-secret";

    public static string PathFor(string home) => Path.Combine(home, FileName);

    public static string? Read(string home)
    {
        var path = PathFor(home);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } secret ? secret : null;
    }

    public static void Write(string home, string secret)
    {
        SecureFile.EnsurePrivateDirectory(home);
        SecureFile.WriteAllTextAtomic(PathFor(home), secret + "\n");
    }

    public static void Delete(string home) => File.Delete(PathFor(home));
}
