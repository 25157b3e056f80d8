using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Client.Live;
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

    /// <summary>The longest single long-poll; the room list is read again after each, so new DMs are noticed.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<WakeItem>> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        var marks = Load();
        while (true)
        {
            var rooms = await client.ListRoomsAsync(cancellationToken);
            var found = new List<WakeItem>();
            foreach (var room in rooms)
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
            var remaining = deadline - time.GetUtcNow();
            if (found.Count > 0 || remaining < TimeSpan.FromSeconds(1) || rooms.Count == 0)
            {
                return found;
            }

            await WaitForAnyAsync(rooms, marks, remaining < Slice ? remaining : Slice, cancellationToken);
        }
    }

    private WakeItem? Addressed(RoomView room, EventView fact)
    {
        var self = client.Identity.Id;
        return fact switch
        {
            _ when HandoffFact.IsHandoffFor(fact, self) => new WakeItem(WakeItem.Handoff, room, fact),
            { Type: "message.posted" } when room.Kind == "dm" && fact.Actor != self => new WakeItem(WakeItem.Dm, room, fact),
            { Type: "member.requested" } when room.Role == "owner" && fact.Actor != self => new WakeItem(WakeItem.Knock, room, fact),
            _ => null,
        };
    }

    /// <summary>Long-polls every room at once; returns when any has something new or the slice ends.</summary>
    private async Task WaitForAnyAsync(IReadOnlyList<RoomView> rooms, Dictionary<string, long> marks, TimeSpan slice, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var seconds = Math.Max(1, (int)slice.TotalSeconds);
        var polls = rooms.Select(r => client.ReadAsync(r.Id, marks[r.Id], seconds, 1, stop.Token)).ToList();
        try
        {
            await Task.WhenAny(polls);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(polls);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or HubClientException)
            {
                // The other polls were cut short on purpose, or failed; the next round reads every room again.
            }
        }
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
