using Parler.Client;
using Parler.Client.Blobs;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Blobs;

/// <summary>files.list: every file shared into a room, as whole signed facts, for its members only.</summary>
public sealed class FileListTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task List_FilesSharedAmongManyMessages_AllFoundPagedAndSigned()
    {
        var owner = hub.NewClient("fl1-owner");
        var room = await owner.CreateRoomAsync("fl1", "channel", None);
        var shared = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            using var content = new MemoryStream([1, 2, (byte)i]);
            var blob = await owner.UploadBlobAsync(room.Id, content, None);
            shared.Add((await owner.PostFileAsync(room.Id, $"f{i}.bin", MediaTypes.Binary, "note", blob, None)).Seq);
            for (var m = 0; m < 5; m++)
            {
                await owner.PostMessageAsync(room.Id, $"chatter {i}.{m}", null, None);
            }
        }

        var first = await owner.CallAsync(HttpMethod.Get, $"/v1/rooms/{room.Id}/files?limit=2", null, null, None);
        var events = first["events"]!.AsArray();
        var before = events[^1]!["seq"]!.GetValue<long>();
        var second = await owner.CallAsync(HttpMethod.Get, $"/v1/rooms/{room.Id}/files?limit=2&before={before}", null, null, None);

        first["more"]!.GetValue<bool>().ShouldBeTrue();
        second["more"]!.GetValue<bool>().ShouldBeFalse();
        events.Concat(second["events"]!.AsArray()).Select(e => e!["seq"]!.GetValue<long>()).ShouldBe(Enumerable.Reverse(shared));
        events[0]!["type"]!.GetValue<string>().ShouldBe("file.posted");
        events[0]!["data"]!["signature"].ShouldNotBeNull();
        events[0]!["hash"]!.GetValue<string>().Length.ShouldBe(64);
    }

    [Fact]
    public async Task List_NotAMember_IsRefused()
    {
        var owner = hub.NewClient("fl2-owner");
        var room = await owner.CreateRoomAsync("fl2", "channel", None);

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            hub.NewClient("fl2-outsider").CallAsync(HttpMethod.Get, $"/v1/rooms/{room.Id}/files", null, null, None));

        refused.Code.ShouldBe("room_not_found");
    }
}
