using Parler.Core.IO;

namespace Parler.Cli.Commands;

/// <summary>
/// The rooms this identity has knocked on and is waiting to be admitted to (PARLER_HOME/pending-joins, one
/// "room-id name" line each), so that a command on such a room says it waits for approval instead of "not found".
/// </summary>
internal static class PendingJoins
{
    private const string FileName = "pending-joins";

    public static void Add(string home, string roomId, string roomName) =>
        Save(home, [.. Read(home).Where(r => r.Id != roomId), (roomId, roomName)]);

    public static void Remove(string home, string roomId)
    {
        var rooms = Read(home);
        if (rooms.Any(r => r.Id == roomId))
        {
            Save(home, [.. rooms.Where(r => r.Id != roomId)]);
        }
    }

    /// <summary>The pending room a command's room reference (an id or a name) means, if any.</summary>
    public static (string Id, string Name)? Find(string home, string? roomRef) =>
        roomRef is null ? null : Read(home).Cast<(string Id, string Name)?>().FirstOrDefault(r => r!.Value.Id == roomRef || r.Value.Name == roomRef);

    private static List<(string Id, string Name)> Read(string home)
    {
        var path = Path.Combine(home, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadAllLines(path)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], parts[1]))];
    }

    private static void Save(string home, List<(string Id, string Name)> rooms)
    {
        SecureFile.EnsurePrivateDirectory(home);
        SecureFile.WriteAllTextAtomic(Path.Combine(home, FileName), string.Concat(rooms.Select(r => $"{r.Id} {r.Name}\n")));
    }
}
