using System.Text;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Hub.Auth;

namespace Parler.Hub.Tests.Storage.Records;

/// <summary>
/// Writes a small record that touches every projection through a real hub (rooms, invites, a session with a vetted
/// joiner, messages, a cursor, a handoff and its status, shared and private memory, a queue with jobs in every state, a
/// card, a DM, a shared file), and names what a reader should look up in it. Run only to make a fixture.
/// </summary>
internal static class RecordScenario
{
    public const string IdempotencyKey = "fixture-post-1";

    public static async Task<JsonObject> WriteAsync(HubOptions options, string folder)
    {
        var time = new FakeTime();
        var ct = CancellationToken.None;
        await using var hub = await HubHost.StartAsync(options, time, null, ct);
        using var alice = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), "alice"), new TokenCache(Path.Combine(folder, "alice")), time);
        using var bob = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), "bob"), new TokenCache(Path.Combine(folder, "bob")), time);

        var room = await alice.CreateRoomAsync("general", "channel", ct);
        await alice.RegisterCardAsync(new CardChanges("reviewer", "reads diffs", ["dotnet"], ["review"], "public"), ct);
        var invite = await alice.MintInviteAsync(room.Id, 3600, 5, ct);
        await bob.RedeemInviteAsync(invite.Code, ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await alice.PostMessageAsync(room.Id, "hello bob", IdempotencyKey, ct);
        var second = await bob.PostMessageAsync(room.Id, "hello alice", null, ct);
        await alice.AckAsync(room.Id, second.Seq, ct);
        var handoff = await alice.HandoffAsync(room.Id, bob.Identity.Id, "parser half done", "finish the tokenizer", null, ct);
        await bob.TaskStatusAsync(room.Id, handoff.HandoffId, "working", "on it", ct);
        await alice.RememberAsync(room.Id, "deploy strategy is blue-green", "deploy", ct);
        await alice.RememberAsync(room.Id, "deploy strategy is canary now", "deploy", ct);
        await bob.RememberAsync(null, "my editor is helix", null, ct);

        var (session, key) = await alice.OpenSessionAsync("review", "context: the parser", true, 600, 1, ct);
        await bob.RedeemInviteAsync(key.Code, ct);
        await alice.DecideAsync(session.Id, bob.Identity.Id, "approve", ct);
        var revoked = await alice.MintInviteAsync(session.Id, 600, 1, ct);
        await alice.RevokeInviteAsync(session.Id, revoked.InviteId, ct);

        // Jobs in every state: done, failed, leased (held), leased with a lapsed lease by the end, and queued.
        await bob.ServeAsync("build", ct);
        var done = await alice.EnqueueAsync("build", "compile main", ct);
        var failed = await alice.EnqueueAsync("build", "compile tests", ct);
        var held = await alice.EnqueueAsync("build", "compile docs", ct);
        var lapsed = await alice.EnqueueAsync("build", "compile bench", ct);
        var waiting = await alice.EnqueueAsync("build", "compile branch", ct);
        await bob.LeaseAsync("build", 0, 60, ct);
        await bob.CompleteJobAsync(done.JobId, "done", "ok", ct);
        await bob.LeaseAsync("build", 0, 60, ct);
        await bob.CompleteJobAsync(failed.JobId, "failed", "2 errors", ct);
        await bob.LeaseAsync("build", 0, 3600, ct);
        await bob.LeaseAsync("build", 0, 60, ct);
        var dm = await alice.OpenDmAsync(bob.Identity.Id, ct);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes("fixture file\n"));
        var blob = await alice.UploadBlobAsync(room.Id, content, ct);
        await alice.PostFileAsync(room.Id, "notes.txt", "text/plain", "the notes", blob, ct);
        time.Advance(TimeSpan.FromMinutes(5));

        return new JsonObject
        {
            ["streams"] = Array(room.Id, session.Id, dm.Id, alice.Identity.Id, bob.Identity.Id, "q_build"),
            ["agents"] = Array(alice.Identity.Id, bob.Identity.Id),
            ["rooms"] = Array(room.Id, session.Id, dm.Id),
            ["room_names"] = Array("general", "review"),
            ["recall"] = new JsonArray(Recall(room.Id, "deploy"), Recall(bob.Identity.Id, "editor"), Recall(room.Id, "nothing")),
            ["jobs"] = Array(done.JobId, failed.JobId, held.JobId, lapsed.JobId, waiting.JobId),
            ["queues"] = Array("build"),
            ["invite_hashes"] = Array(TokenService.Hash(invite.Code), TokenService.Hash(key.Code), TokenService.Hash(revoked.Code)),
            ["blobs"] = Array(blob.Hash),
            ["idempotency"] = new JsonArray(new JsonObject { ["principal"] = alice.Identity.Id, ["key"] = IdempotencyKey }),
            ["lease_at"] = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject Recall(string scope, string query) => new() { ["scope"] = scope, ["query"] = query };
}
