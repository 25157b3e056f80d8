using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Json;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Actions;

/// <summary>An Idempotency-Key record kept by an older hub still replays after an upgrade.</summary>
public sealed class IdempotencyUpgradeTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task PostMessage_RetriedAfterAnUpgradeUnderAKeyAnOlderHubRecorded_ReplaysTheRecordedAnswer()
    {
        var author = hub.NewClient("upgraded-author");
        var room = (await author.CreateRoomAsync("upgraded", "channel", CancellationToken.None)).Id;
        const string Text = "sent before the upgrade";
        var body = new JsonObject
        {
            ["body"] = Text, ["kind"] = "text", ["nonce"] = "nonce-upgrade-1", ["signature"] = MessageSignature.Sign(author.Identity.Key, room, "text", Text, "nonce-upgrade-1"),
        };
        var path = $"/v1/rooms/{room}/messages";

        // What a hub before the one-form write path kept: the hash of the body's canonical form, and its answer.
        var olderHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"messages.post\n{path}\n{CanonicalJson.SerializeToString(body)}")));
        await hub.Store.WriteAsync(
            async (w, ct) =>
            {
                await w.SaveIdempotencyAsync(
                    new IdempotencyRecord(author.Identity.Id, "before-upgrade", olderHash, 201, """{"seq":41,"hash":"h41","replayed":false}"""), ct);
                return true;
            },
            CancellationToken.None);

        var retried = await author.CallAsync(HttpMethod.Post, path, body, "before-upgrade", CancellationToken.None);

        retried["seq"]!.GetValue<long>().ShouldBe(41);
        retried["replayed"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task MintInvite_RetriedAfterAnUpgradeUnderAKeyAnOlderHubKeptInTheClear_ReplaysTheRecordedAnswer()
    {
        var owner = hub.NewClient("upgraded-owner");
        var room = (await owner.CreateRoomAsync("upgraded-invites", "channel", CancellationToken.None)).Id;
        var path = $"/v1/rooms/{room}/invites";
        var olderHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"invites.mint\n{path}\n{{}}")));
        const string Recorded = """{"invite_id":"inv_older","code":"older-code","room":"r","room_name":"n","kind":"channel","expires_at":"2026-12-09T00:00:00+00:00","max_uses":25,"approval":false,"replayed":false}""";
        await hub.Store.WriteAsync(
            async (w, ct) =>
            {
                await w.SaveIdempotencyAsync(new IdempotencyRecord(owner.Identity.Id, "mint-before-upgrade", olderHash, 201, Recorded), ct);
                return true;
            },
            CancellationToken.None);

        var retried = await owner.CallAsync(HttpMethod.Post, path, new JsonObject(), "mint-before-upgrade", CancellationToken.None);

        retried["code"]!.GetValue<string>().ShouldBe("older-code");
        retried["replayed"]!.GetValue<bool>().ShouldBeTrue();
    }
}
