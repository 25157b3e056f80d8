using Parler.Client;
using Parler.Core.Identity;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Actions;

/// <summary>Job, token and member ids as printed: a unique prefix of 8+ characters, resolved by the hub within what the caller may name.</summary>
public sealed class IdPrefixTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Job_EightCharacterPrefix_ReadAndCompletedByIt()
    {
        var sender = hub.NewClient("px1-sender");
        var worker = hub.NewClient("px1-worker");
        await worker.ServeAsync("px1", None);
        var id = (await sender.EnqueueAsync("px1", "review PR #42", None)).JobId;
        await worker.LeaseAsync("px1", 0, null, None);

        (await sender.GetJobAsync(id[..8], None)).JobId.ShouldBe(id);
        var done = await worker.CompleteJobAsync(id[..10].ToUpperInvariant(), "done", "LGTM", None);

        (done.JobId, done.Status).ShouldBe((id, "done"));
        (await sender.GetJobAsync(id[..12], None)).Result.ShouldBe("LGTM");
    }

    [Fact]
    public async Task Job_PrefixOfSeveral_RefusedWithTheCandidatesTheCallerMaySee()
    {
        var sender = hub.NewClient("px2-sender");
        var stranger = hub.NewClient("px2-stranger");
        await sender.WhoAmIAsync(None);
        await stranger.WhoAmIAsync(None);
        var (first, second, theirs) = ("jb_0a777035aaaaaaaaaaaa", "jb_0a777035bbbbbbbbbbbb", "jb_0a777100000000000000");
        await EnqueueAsync(first, sender.Identity.Id);
        await EnqueueAsync(second, sender.Identity.Id);
        await EnqueueAsync(theirs, stranger.Identity.Id);

        var ambiguous = await Should.ThrowAsync<HubClientException>(() => sender.GetJobAsync("jb_0a777", None));
        var unique = await sender.GetJobAsync("jb_0a777035b", None);
        var hidden = await Should.ThrowAsync<HubClientException>(() => sender.GetJobAsync("jb_0a7771", None));

        ambiguous.Code.ShouldBe("ambiguous_id");
        ambiguous.Message.ShouldContain(first);
        ambiguous.Message.ShouldContain(second);
        ambiguous.Message.ShouldNotContain(theirs);
        unique.JobId.ShouldBe(second);
        (await stranger.GetJobAsync("jb_0a777", None)).JobId.ShouldBe(theirs);
        hidden.Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Token_EightCharacterPrefix_RevokesThatTokenOnly()
    {
        var identity = new AgentIdentity(AgentKey.Generate(), "px3");
        using var first = new HubClient(hub.Url, identity, new TokenCache(Directory.CreateTempSubdirectory("px3-a").FullName), hub.Time);
        using var second = new HubClient(hub.Url, identity, new TokenCache(Directory.CreateTempSubdirectory("px3-b").FullName), hub.Time);
        var doomed = (await first.WhoAmIAsync(None)).TokenId;
        var kept = (await second.WhoAmIAsync(None)).TokenId;
        var prefix = Enumerable.Range(IdPrefix.MinimumLength, 16).Select(n => doomed[..n]).First(p => !kept.StartsWith(p, StringComparison.Ordinal));

        var revoked = await second.RevokeTokenAsync(prefix, None);

        revoked.TokenId.ShouldBe(doomed);
        (await second.WhoAmIAsync(None)).TokenId.ShouldBe(kept);
        (await Should.ThrowAsync<HubClientException>(() => second.RevokeTokenAsync("tok_", None))).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Token_PrefixOfTwoLiveTokens_IsAmbiguous()
    {
        var owner = hub.NewClient("px4");
        await owner.WhoAmIAsync(None);
        foreach (var id in new[] { "tok_5eed00000000000000a1", "tok_5eed00000000000000a2" })
        {
            await hub.Store.WriteAsync(
                (w, ct) => w.AppendAsync(owner.Identity.Id, FactDraft.Of(new TokenIssued(id, id + "-hash", id + "-challenge", 32_503_680_000_000), owner.Identity.Id, owner.Identity.Id, "test"), ct),
                None);
        }

        var ambiguous = await Should.ThrowAsync<HubClientException>(() => owner.RevokeTokenAsync("tok_5eed", None));

        ambiguous.Code.ShouldBe("ambiguous_id");
        ambiguous.Message.ShouldContain("tok_5eed00000000000000a1");
        ambiguous.Message.ShouldContain("tok_5eed00000000000000a2");
    }

    [Fact]
    public async Task Approve_SevenCharacterPrefix_IsRefusedAndEightAdmit()
    {
        var host = hub.NewClient("px5-host");
        var (room, key) = await host.OpenSessionAsync("px5", "context", approval: true, null, null, None);
        var joiner = hub.NewClient("px5-joiner");
        await joiner.RedeemInviteAsync(key.Code, None);

        var tooShort = await Should.ThrowAsync<HubClientException>(() => host.DecideAsync(room.Id, joiner.Identity.Id[..7], "approve", None));
        var admitted = await host.DecideAsync(room.Id, joiner.Identity.Id[..8].ToUpperInvariant(), "approve", None);

        tooShort.Code.ShouldBe("not_found");
        (admitted.AgentId, admitted.Status).ShouldBe((joiner.Identity.Id, "active"));
    }

    private Task EnqueueAsync(string jobId, string sender) =>
        hub.Store.WriteAsync(
            (w, ct) => w.AppendAsync("q_px2", FactDraft.Of(new JobEnqueued(jobId, "px2", "work", sender), sender, sender, "test"), ct),
            None);
}
