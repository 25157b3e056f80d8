using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Client.Live;
using Parler.Contract.Facts;
using Parler.Core.IO;
using Parler.Core.Protocol;

namespace Parler.Cli.Wake;

/// <summary>
/// Waits, across every room and DM of this agent, for something addressed to it. It keeps its own marks per room
/// (PARLER_HOME/wake.json), apart from the read cursors, so it never wakes twice for one fact and never hides
/// anything from <c>recv</c>.
/// </summary>
internal sealed class WakeWatch(HubClient client, string home, TimeProvider time)
{
    public const string StateFile = "wake.json";

    /// <summary>The longest wait the hub offers (rooms.wait).</summary>
    private const int MaxWaitSeconds = 60;

    public async Task<IReadOnlyList<WakeItem>> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        var marks = Load();
        string? listMark = null;
        while (true)
        {
            // One request waits on every room and DM at once, and on any room this agent is newly in.
            var seconds = (int)Math.Clamp(Math.Ceiling((deadline - time.GetUtcNow()).TotalSeconds), 0, MaxWaitSeconds);
            var answer = await client.WaitRoomsAsync(listMark, listMark is null ? 0 : seconds, cancellationToken);
            var found = new List<WakeItem>();
            foreach (var room in answer.Rooms)
            {
                var mark = marks.TryGetValue(room.Id, out var seen) ? seen : room.Cursor;
                while (room.Head > mark)
                {
                    var page = await client.ReadAsync(room.Id, mark, null, 200, cancellationToken);
                    found.AddRange(page.Events.Select(f => Addressed(room, f)).OfType<WakeItem>());
                    mark = page.Cursor;
                    if (!page.More)
                    {
                        break;
                    }
                }

                marks[room.Id] = mark;
            }

            Save(marks);
            if (found.Count > 0 || deadline - time.GetUtcNow() < TimeSpan.FromSeconds(1))
            {
                return found;
            }

            listMark = answer.Mark;
        }
    }

    private WakeItem? Addressed(RoomView room, EventView fact)
    {
        var self = client.Identity.Id;
        return fact switch
        {
            _ when HandoffFact.IsHandoffFor(fact, self) => new WakeItem(WakeItem.Handoff, room, fact),
            { Type: FactTypes.MessagePosted } when room.Kind == "dm" && fact.Actor != self => new WakeItem(WakeItem.Dm, room, fact),
            { Type: FactTypes.MemberRequested } when room.Role == "owner" && fact.Actor != self => new WakeItem(WakeItem.Knock, room, fact),
            _ => null,
        };
    }

    private Dictionary<string, long> Load()
    {
        var path = Path.Combine(home, StateFile);
        try
        {
            return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject saved
                ? saved.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }
    }

    private void Save(Dictionary<string, long> marks)
    {
        var json = new JsonObject();
        foreach (var (room, seq) in marks)
        {
            json[room] = seq;
        }

        SecureFile.WriteAllTextAtomic(Path.Combine(home, StateFile), json.ToJsonString());
    }
}
