using System.Text.Json;
using System.Text.Json.Nodes;
using Parler.Core.Json;
using Parler.Core.Protocol;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage.Records;

/// <summary>
/// Everything a reader can get out of a record through the store, for the lookups a scenario named, as one canonical
/// JSON document: two stores that answer the same have the same snapshot, byte for byte.
/// </summary>
internal static class RecordSnapshot
{
    public static async Task<string> TakeAsync(IHubStore store, JsonObject lookups)
    {
        var ct = CancellationToken.None;
        var snapshot = new JsonObject { ["hub_id"] = (await store.GetMetaAsync(ct)).HubId };
        var streams = new JsonObject();
        var authorities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var stream in Strings(lookups, "streams"))
        {
            var facts = await store.ReadStreamAsync(stream, 0, 1000, ct);
            authorities.UnionWith(facts.Select(f => f.Authority));
            streams[stream] = new JsonArray([.. facts.Select(f => JsonSerializer.SerializeToNode(f.ToView(), ProtocolJsonContext.Default.EventView))]);
        }

        snapshot["streams"] = streams;
        snapshot["rooms"] = await EachAsync(lookups, "rooms", async id => Room(await store.GetRoomAsync(id, ct)));
        snapshot["agents"] = await EachAsync(lookups, "agents", async agent => (JsonNode?)new JsonObject
        {
            ["name"] = await store.GetAgentNameAsync(agent, ct),
            ["rooms"] = new JsonArray([.. (await store.ListRoomsAsync(agent, ct)).Select(Summary)]),
            ["rooms_by_name"] = await EachAsync(lookups, "room_names", async name =>
                (JsonNode?)new JsonArray([.. (await store.FindRoomsByNameAsync(agent, name, ct)).Select(r => (JsonNode)r.Id)])),
            ["cursors"] = await EachAsync(lookups, "rooms", async room => (JsonNode?)await store.GetCursorAsync(agent, room, ct)),
            ["workers"] = await EachAsync(lookups, "queues", async queue => (JsonNode?)await store.IsWorkerAsync(queue, agent, ct)),
            ["blobs"] = await EachAsync(lookups, "blobs", async hash => Posting(await store.FindBlobPostingAsync(agent, hash, null, ct))),
            ["uploaded"] = await EachAsync(lookups, "blobs", async hash => (JsonNode?)await store.HasUploadedAsync(agent, hash, ct)),
            ["job_ids"] = Ids(await store.FindIdsAsync(IdSpace.Job, "jb_", agent, ct)),
            ["token_ids"] = Ids(await store.FindIdsAsync(IdSpace.Token, "tok_", agent, ct)),
        });
        snapshot["room_files"] = await EachAsync(lookups, "rooms", async room => (JsonNode?)new JsonArray(
            [.. (await store.ListRoomFilesAsync(room, long.MaxValue, 100, ct)).Select(f => JsonSerializer.SerializeToNode(f.ToView(), ProtocolJsonContext.Default.EventView))]));
        snapshot["blobs_shared"] = await EachAsync(lookups, "blobs", async hash => (JsonNode?)await store.IsBlobSharedAsync(hash, ct));
        snapshot["job_lists"] = await EachAsync(lookups, "queues", async queue =>
            (JsonNode?)new JsonArray([.. (await store.ListJobsAsync(queue, null, null, 100, ct)).Select(Job)]));
        var recall = new JsonArray();
        foreach (var query in lookups["recall"]!.AsArray())
        {
            var found = await store.RecallAsync(query!["scope"]!.GetValue<string>(), query["query"]!.GetValue<string>(), 10, ct);
            recall.Add(new JsonArray([.. found.Select(Memory)]));
        }

        snapshot["recall"] = recall;
        snapshot["jobs"] = await EachAsync(lookups, "jobs", async id => Job(await store.GetJobAsync(id, ct)));
        snapshot["cards"] = new JsonArray([.. (await store.ListCardsAsync(ct)).OrderBy(c => c.AgentId, StringComparer.Ordinal)
            .Select(c => (JsonNode)new JsonObject { ["agent"] = c.AgentId, ["card"] = JsonNode.Parse(c.Card) })]);
        var leaseAt = lookups["lease_at"]!.GetValue<long>();
        snapshot["writer"] = await store.WriteAsync(async (writer, token) => new JsonObject
        {
            ["invites"] = await EachAsync(lookups, "invite_hashes", async hash =>
                await writer.FindInviteAsync(hash, token) is { } invite ? (JsonNode?)new JsonObject { ["invite"] = invite.InviteId, ["room"] = invite.RoomId } : null),
            ["tokens"] = await EachAsync(authorities, async id => Token(await writer.FindTokenByIdAsync(id, token))),
            ["idempotency"] = await EachAsync(lookups["idempotency"]!.AsArray().Select(e => e!["principal"] + " " + e["key"]), async entry =>
                Idempotency(await writer.FindIdempotencyAsync(entry.Split(' ')[0], entry.Split(' ')[1], token))),
            ["leasable"] = await EachAsync(lookups, "queues", async queue => Job(await writer.FindLeasableJobAsync(queue, leaseAt, token))),
            ["next_lease_end"] = await EachAsync(lookups, "queues", async queue => (JsonNode?)await writer.NextLeaseEndAsync(queue, token)),
            ["queue_access"] = await EachAsync(lookups, "queues", async queue => await writer.GetQueueAccessAsync(queue, token) is var (owner, allowed)
                ? (JsonNode?)new JsonObject { ["owner"] = owner, ["allowed"] = Ids(allowed) } : null),
            ["live_tokens"] = await EachAsync(lookups, "agents", async agent => (JsonNode?)Ids(await writer.LiveTokenIdsAsync(agent, leaseAt, token))),
        }, ct);
        return CanonicalJson.SerializeToString(snapshot);
    }

    private static JsonArray Ids(IEnumerable<string> ids) => new([.. ids.Select(id => (JsonNode)id)]);

    private static IEnumerable<string> Strings(JsonObject lookups, string name) => lookups[name]!.AsArray().Select(v => v!.GetValue<string>());

    private static Task<JsonObject> EachAsync(JsonObject lookups, string name, Func<string, Task<JsonNode?>> read) =>
        EachAsync(Strings(lookups, name), read);

    /// <summary>One read at a time: a store writer is one connection.</summary>
    private static async Task<JsonObject> EachAsync(IEnumerable<string> keys, Func<string, Task<JsonNode?>> read)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            result[key] = await read(key);
        }

        return result;
    }

    private static JsonNode? Room(RoomRecord? room) => room is null ? null : new JsonObject
    {
        ["state"] = JsonSerializer.SerializeToNode(room.State, HubStateJsonContext.Default.RoomState),
        ["head"] = room.Head,
        ["head_hash"] = room.HeadHash,
    };

    private static JsonNode Summary(RoomSummary summary) => new JsonObject
    {
        ["room"] = Room(summary.Room), ["role"] = summary.Role, ["cursor"] = summary.Cursor, ["unread"] = summary.Unread,
    };

    private static JsonNode? Posting((string Room, long Seq)? posting) =>
        posting is { } found ? new JsonObject { ["room"] = found.Room, ["seq"] = found.Seq } : null;

    private static JsonNode Memory(RecalledMemory recalled) => new JsonObject
    {
        ["scope"] = recalled.Memory.Scope, ["key"] = recalled.Memory.Key, ["author"] = recalled.Memory.Author, ["at"] = recalled.Memory.At,
        ["seq"] = recalled.Memory.Seq, ["text"] = recalled.Memory.Text, ["author_name"] = recalled.AuthorName,
    };

    private static JsonNode? Job(JobRecord? job) => job is null ? null : new JsonObject
    {
        ["job_id"] = job.JobId, ["queue"] = job.Queue, ["text"] = job.Text, ["sender"] = job.Sender, ["status"] = job.Status,
        ["worker"] = job.Worker, ["lease_until"] = job.LeaseUntil, ["result"] = job.Result, ["attempts"] = job.Attempts,
    };

    private static JsonNode? Token(TokenRecord? token) => token is null ? null : new JsonObject
    {
        ["token_id"] = token.TokenId, ["agent"] = token.AgentId, ["room"] = token.Room, ["expires_at"] = token.ExpiresAt, ["revoked"] = token.Revoked,
    };

    private static JsonNode? Idempotency(IdempotencyRecord? record) => record is null ? null : new JsonObject
    {
        ["principal"] = record.Principal, ["key"] = record.Key, ["request_hash"] = record.RequestHash, ["status"] = record.Status,
        ["response"] = record.Response,
    };
}
