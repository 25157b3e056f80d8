using System.Text;
using System.Text.Json.Nodes;
using Parler.Client;

namespace Parler.Hub.Tests.Actions;

/// <summary>An answer that carries a secret shown once is replayed to its caller, yet the store never holds the secret.</summary>
public sealed class SecretAnswerTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Mint_RetriedWithItsKey_ReplaysACodeTheStoreNeverHolds()
    {
        var owner = hub.NewClient("sealed-owner");
        var room = (await owner.CreateRoomAsync("sealed", "channel", None)).Id;
        var path = $"/v1/rooms/{room}/invites";

        var first = await owner.CallAsync(HttpMethod.Post, path, new JsonObject(), "mint-key-sealed", None);
        var again = await owner.CallAsync(HttpMethod.Post, path, new JsonObject(), "mint-key-sealed", None);

        var code = first["code"]!.GetValue<string>();
        again["code"]!.GetValue<string>().ShouldBe(code);
        again["invite_id"]!.GetValue<string>().ShouldBe(first["invite_id"]!.GetValue<string>());
        again["replayed"]!.GetValue<bool>().ShouldBeTrue();
        (await hub.Store.FindIdempotencyAsync(owner.Identity.Id, "mint-key-sealed", None)).ShouldBeNull();
        foreach (var file in new[] { hub.DatabasePath, hub.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            var bytes = copy.ToArray();
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(code)).ShouldBe(-1, $"{Path.GetFileName(file)} holds the invite code");
            bytes.AsSpan().IndexOf("mint-key-sealed"u8).ShouldBe(-1, $"{Path.GetFileName(file)} holds the Idempotency-Key");
        }
    }

    [Fact]
    public async Task Mint_KeyReusedForADifferentInvite_AnswersIdempotencyConflict()
    {
        var owner = hub.NewClient("sealed-conflict");
        var room = (await owner.CreateRoomAsync("sealed-conflict", "channel", None)).Id;
        await owner.MintInviteAsync(room, null, 2, None, idempotencyKey: "mint-key-reused");

        var reused = await Should.ThrowAsync<HubClientException>(() => owner.MintInviteAsync(room, null, 3, None, idempotencyKey: "mint-key-reused"));

        reused.Code.ShouldBe("idempotency_conflict");
    }
}
