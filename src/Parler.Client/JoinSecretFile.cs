using Parler.Core.IO;

namespace Parler.Client;

/// <summary>
/// Team hubs' join secrets, kept owner-only in the agent's PARLER_HOME (one <c>hub secret</c> line per hub) so they
/// never ride in argv, an MCP config or anything a model reads, and each goes only to the hub it belongs to.
/// PARLER_JOIN_SECRET, when set, wins.
/// </summary>
internal static class JoinSecretFile
{
    public const string FileName = "join-secrets";

    public static string PathFor(string home) => Path.Combine(home, FileName);

    public static string? Read(string home, Uri hub) =>
        Load(home).TryGetValue(Key(hub), out var secret) ? secret : null;

    public static void Write(string home, Uri hub, string secret)
    {
        var all = Load(home);
        all[Key(hub)] = secret;
        SecureFile.EnsurePrivateDirectory(home);
        SecureFile.WriteAllTextAtomic(PathFor(home), string.Concat(all.Select(e => $"{e.Key} {e.Value}\n")));
    }

    /// <summary>scheme://host:port: the pin and any path do not matter for which hub a secret belongs to.</summary>
    public static string Key(Uri hub) => HubPin.WithoutPin(hub).GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    private static Dictionary<string, string> Load(string home)
    {
        var path = PathFor(home);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return all;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[1].Length > 0)
            {
                all[parts[0]] = parts[1];
            }
        }

        return all;
    }
}
