using System.Text.Json.Nodes;
using Parler.Core.Protocol;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>The smaller projections, each read back through the readers and the writer, on every store.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task Agents_RegisteredThenRenamed_NameFollowsTheLatestFact()
    {
        await AppendToAsync(Alice, FactDraft.Of(new AgentRegistered("alice"), Alice, Alice, "signature"));
        await AppendToAsync(Alice, FactDraft.Of(new AgentRenamed("alice-2"), Alice, Alice, "tok"));

        (await Store.GetAgentNameAsync(Alice, CancellationToken.None)).ShouldBe("alice-2");
        (await Store.WriteAsync((w, ct) => w.GetAgentNameAsync(Alice, ct), CancellationToken.None)).ShouldBe("alice-2");
        (await Store.GetAgentNameAsync(Bob, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Invites_Minted_AreFoundByCodeHashInTheWriter()
    {
        await CreateRoomAsync("rm_a");
        await AppendToAsync("rm_a", FactDraft.Of(new InviteMinted("inv_1", "code-hash", "channel", FarFuture, 3), Alice, Alice, "tok"));

        (await Store.WriteAsync((w, ct) => w.FindInviteAsync("code-hash", ct), CancellationToken.None)).ShouldBe(new InviteLookup("inv_1", "rm_a"));
        (await Store.WriteAsync((w, ct) => w.FindInviteAsync("other-hash", ct), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Cursors_Advanced_ReadTheLatestByReadersAndWriter()
    {
        await AppendToAsync(Alice, FactDraft.Of(new CursorAdvanced("rm_a", 2), Alice, Alice, "tok"));
        await AppendToAsync(Alice, FactDraft.Of(new CursorAdvanced("rm_a", 5), Alice, Alice, "tok"));

        (await Store.GetCursorAsync(Alice, "rm_a", CancellationToken.None)).ShouldBe(5);
        (await Store.WriteAsync((w, ct) => w.GetCursorAsync(Alice, "rm_a", ct), CancellationToken.None)).ShouldBe(5);
        (await Store.GetCursorAsync(Bob, "rm_a", CancellationToken.None)).ShouldBe(0);
        (await Store.GetCursorAsync(Alice, "rm_b", CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Cards_PublishedTwice_OneCardPerAgentTheLatest()
    {
        await AppendToAsync(Bob, Card(Bob, "first"));
        await AppendToAsync(Alice, Card(Alice, "only"));
        await AppendToAsync(Bob, Card(Bob, "second"));

        var cards = await Store.ListCardsAsync(CancellationToken.None);

        cards.Select(c => c.AgentId).ShouldBe([Alice, Bob]);
        JsonNode.Parse(cards[1].Card)!["card"]!["role"]!.GetValue<string>().ShouldBe("second");
    }

    [Fact]
    public async Task FindRoomsByName_OnlyRoomsTheAgentIsAnActiveMemberOf()
    {
        await CreateRoomAsync("rm_a");
        await CreateRoomAsync("rm_b");

        (await Store.FindRoomsByNameAsync(Alice, "team", CancellationToken.None)).Select(r => r.State.Id).ShouldBe(["rm_a", "rm_b"], ignoreOrder: true);
        (await Store.FindRoomsByNameAsync(Alice, "other", CancellationToken.None)).ShouldBeEmpty();
        (await Store.FindRoomsByNameAsync(Bob, "team", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tokens_IssuedExpiredAndRevoked_OnlyLiveOnesListedAndEveryChallengeUsed()
    {
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        await AppendToAsync(Alice, FactDraft.Of(new TokenIssued("tok_live", "h1", "c1", now + 60_000), Alice, Alice, "signature"));
        await AppendToAsync(Alice, FactDraft.Of(new TokenIssued("tok_old", "h2", "c2", now - 1), Alice, Alice, "signature"));
        await AppendToAsync(Alice, FactDraft.Of(new TokenIssued("tok_gone", "h3", "c3", now + 60_000, "rm_a"), Alice, Alice, "signature"));
        await AppendToAsync(Alice, FactDraft.Of(new TokenRevoked("tok_gone"), Alice, Alice, "tok_live"));

        (await Store.WriteAsync((w, ct) => w.LiveTokenIdsAsync(Alice, now, ct), CancellationToken.None)).ShouldBe(["tok_live"]);
        (await Store.WriteAsync((w, ct) => w.LiveTokenIdsAsync(Bob, now, ct), CancellationToken.None)).ShouldBeEmpty();
        (await Store.WriteAsync((w, ct) => w.ChallengeUsedAsync("c2", ct), CancellationToken.None)).ShouldBeTrue();
        (await Store.WriteAsync((w, ct) => w.ChallengeUsedAsync("c9", ct), CancellationToken.None)).ShouldBeFalse();
        (await Store.WriteAsync((w, ct) => w.FindTokenByIdAsync("tok_gone", ct), CancellationToken.None))
            .ShouldBe(new TokenRecord("tok_gone", Alice, "rm_a", now + 60_000, Revoked: true));
    }

    [Fact]
    public async Task QuotaWindows_ChargedInSeveralWrites_AddUpForReadersAndWriter()
    {
        (await Store.WriteAsync((w, ct) => w.CountAsync("rule:pa_alice", 1000, 2, ct), CancellationToken.None)).ShouldBe(2);
        (await Store.WriteAsync((w, ct) => w.CountAsync("rule:pa_alice", 1000, 3, ct), CancellationToken.None)).ShouldBe(5);

        (await Store.ReadCountAsync("rule:pa_alice", 1000, CancellationToken.None)).ShouldBe(5);
        (await Store.ReadCountAsync("rule:pa_alice", 2000, CancellationToken.None)).ShouldBe(0);
        (await Store.WriteAsync((w, ct) => w.CountAsync("rule:pa_alice", 1000, 0, ct), CancellationToken.None)).ShouldBe(5);
    }

    [Fact]
    public async Task Blobs_UploadedThenShared_TheUploaderHoldsItAndTheRoomShares()
    {
        var hash = new string('c', 64);
        await CreateRoomAsync("rm_a");
        await AppendToAsync(Alice, FactDraft.Of(new BlobUploaded(hash, 5, "rm_a"), Alice, Alice, "tok"));

        (await Store.HasUploadedAsync(Alice, hash, CancellationToken.None)).ShouldBeTrue();
        (await Store.HasUploadedAsync(Bob, hash, CancellationToken.None)).ShouldBeFalse();
        (await Store.IsBlobSharedAsync(hash, CancellationToken.None)).ShouldBeFalse("an upload is in no room until it is posted");
        (await Store.FindBlobPostingAsync(Alice, hash, null, CancellationToken.None)).ShouldBeNull();

        var posted = await AppendToAsync("rm_a", FactDraft.Of(new FilePosted("notes.txt", "text/plain", 5, hash, "nonce-1"), Alice, Alice, "tok"));
        var again = await AppendToAsync("rm_a", FactDraft.Of(new FilePosted("copy.txt", "text/plain", 5, hash, "nonce-2"), Alice, Alice, "tok"));

        (await Store.IsBlobSharedAsync(hash, CancellationToken.None)).ShouldBeTrue();
        (await Store.FindBlobPostingAsync(Alice, hash, "rm_a", CancellationToken.None)).ShouldBe(("rm_a", again.Seq), "the latest posting");
        posted.Seq.ShouldBeLessThan(again.Seq);
    }

    [Fact]
    public async Task Nonces_OfSignedPosts_AreSeenOnlyInTheirOwnRoom()
    {
        await CreateRoomAsync("rm_a");
        await CreateRoomAsync("rm_b");
        await AppendToAsync("rm_a", Message(Alice, "hello"));

        (await Store.WriteAsync((w, ct) => w.NonceSeenAsync("rm_a", "n", ct), CancellationToken.None)).ShouldBeTrue();
        (await Store.WriteAsync((w, ct) => w.NonceSeenAsync("rm_a", "m", ct), CancellationToken.None)).ShouldBeFalse();
        (await Store.WriteAsync((w, ct) => w.NonceSeenAsync("rm_b", "n", ct), CancellationToken.None)).ShouldBeFalse();
    }

    private Task<StoredFact> AppendToAsync(string stream, FactDraft draft) =>
        Store.WriteAsync((w, ct) => w.AppendAsync(stream, draft, ct), CancellationToken.None);

    private static FactDraft Card(string agent, string role) =>
        FactDraft.Of(new CardPublished(agent, new CardFields(null, role, null, null, null, null, null), "sig"), agent, agent, "tok");
}
