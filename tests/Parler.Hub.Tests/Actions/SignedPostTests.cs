using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Core.Facts;
using Parler.Hub.Discovery;
using Parler.Hub.Features;

namespace Parler.Hub.Tests.Actions;

/// <summary>Every signed post goes through one check: its signature before the writer, its nonce once per room.</summary>
public sealed class SignedPostTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task PostMessage_SameSignedBodyUnderANewKey_IsRefusedAsNonceReused()
    {
        var (author, room) = await RoomAsync("replayed");
        var body = Signed(author, room, "deploy at 10", "nonce-replayed-1");
        var first = await author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", body, "key-1", CancellationToken.None);

        var again = await author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", Signed(author, room, "deploy at 10", "nonce-replayed-1"), "key-1", CancellationToken.None);
        var replayed = await Should.ThrowAsync<HubClientException>(() =>
            author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", Signed(author, room, "deploy at 10", "nonce-replayed-1"), "key-2", CancellationToken.None));
        var read = await author.ReadAsync(room, 0, null, null, CancellationToken.None);

        again["replayed"]!.GetValue<bool>().ShouldBeTrue();
        again["seq"]!.GetValue<long>().ShouldBe(first["seq"]!.GetValue<long>());
        replayed.Code.ShouldBe("nonce_reused");
        read.Events.Count(e => e.Type == "message.posted").ShouldBe(1);
    }

    [Fact]
    public async Task PostMessageAsync_RetriedWithTheSameKey_AnswersTheFirstResult()
    {
        var (author, room) = await RoomAsync("retried");

        var first = await author.PostMessageAsync(room, "once only", "send-key-7", CancellationToken.None);
        var retry = await author.PostMessageAsync(room, "once only", "send-key-7", CancellationToken.None);

        retry.Seq.ShouldBe(first.Seq);
        retry.Hash.ShouldBe(first.Hash);
    }

    [Fact]
    public async Task Handoff_NonceTheRoomHolds_IsRefused()
    {
        var (author, room) = await RoomAsync("handoff-replay");
        await author.PostMessageAsync(room, "first", "handoff-replay-key", CancellationToken.None);
        var nonce = HubClient.NonceFor("handoff-replay-key");
        var handoff = new JsonObject
        {
            ["for"] = author.Identity.Id, ["summary"] = "done", ["next"] = "ship", ["nonce"] = nonce,
            ["signature"] = MessageSignature.Sign(author.Identity.Key, room, HandoffBody.Kind, HandoffBody.Of(author.Identity.Id, "done", "ship", null), nonce),
        };

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/handoffs", handoff, "handoff-key", CancellationToken.None));

        refused.Code.ShouldBe("nonce_reused");
    }

    [Fact]
    public async Task PostMessage_BadSignature_RefusedBeforeTheWriter()
    {
        var (author, room) = await RoomAsync("forged");
        var body = Signed(author, room, "real words", "nonce-forged-1");
        body["body"] = "other words";

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", body, "forged-key", CancellationToken.None));

        refused.Code.ShouldBe("signature_invalid");
    }

    [Fact]
    public void OpenApi_AuthToken_TakesNoIdempotencyKey()
    {
        var document = OpenApiDocument.Build(HubFeatures.CreateRegistry(), "http://127.0.0.1:7070");
        var token = document["paths"]!["/v1/auth/token"]!["post"]!;

        (token["parameters"]?.AsArray() ?? []).ShouldNotContain(p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        token["description"]!.GetValue<string>().ShouldContain("Takes no Idempotency-Key");
    }

    private static JsonObject Signed(HubClient author, string room, string text, string nonce) => new()
    {
        ["body"] = text, ["nonce"] = nonce, ["signature"] = MessageSignature.Sign(author.Identity.Key, room, "text", text, nonce),
    };

    private async Task<(HubClient Author, string Room)> RoomAsync(string name)
    {
        var author = hub.NewClient(name + "-author");
        return (author, (await author.CreateRoomAsync(name, "channel", CancellationToken.None)).Id);
    }
}
