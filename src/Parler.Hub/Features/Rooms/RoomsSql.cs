using Parler.Hub.Storage;

namespace Parler.Hub.Features.Rooms;

/// <summary>The rooms and members projections, for both engines (<see cref="Storage.Relational"/>: $1… placeholders).</summary>
internal static class RoomsSql
{
    /// <summary>A room with its stream's head, as <see cref="StoreRows.ReadRoom"/> reads it.</summary>
    public const string Room = $"SELECT {StoreRows.RoomColumns} FROM rooms r JOIN streams s ON s.stream = r.id WHERE r.id = $1";

    public const string Save = """
        INSERT INTO rooms (id, name, kind, version, state) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, version = excluded.version, state = excluded.state
        """;

    public const string SaveMember = """
        INSERT INTO members (room, agent, role, status) VALUES ($1, $2, $3, $4)
        ON CONFLICT (room, agent) DO UPDATE SET role = excluded.role, status = excluded.status
        """;

    /// <summary>The rooms agent $1 is an active member of that are named $2.</summary>
    public const string ByName = $"""
        SELECT {StoreRows.RoomColumns} FROM members m JOIN rooms r ON r.id = m.room JOIN streams s ON s.stream = r.id
        WHERE m.agent = $1 AND m.status = 'active' AND r.name = $2
        """;

    /// <summary>Agent $1's rooms with its role, its cursor and the others' messages past it (unread).</summary>
    public const string List = """
        SELECT r.id, r.version, s.head, s.head_hash, r.state, m.role, COALESCE(c.seq, 0),
               (SELECT COUNT(*) FROM facts f WHERE f.stream = r.id AND f.type = 'message.posted'
                    AND f.seq > COALESCE(c.seq, 0) AND f.actor <> m.agent)
        FROM members m
        JOIN rooms r ON r.id = m.room
        JOIN streams s ON s.stream = r.id
        LEFT JOIN cursors c ON c.agent = m.agent AND c.room = m.room
        WHERE m.agent = $1 AND m.status = 'active'
        ORDER BY r.name, r.id
        """;
}
