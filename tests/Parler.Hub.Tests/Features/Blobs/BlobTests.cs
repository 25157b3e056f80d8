using Parler.Client;
using Parler.Client.Blobs;
using Parler.Core.Protocol;
using Parler.Hub.Discovery;
using Parler.Hub.Features;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Blobs;

/// <summary>Blob uploads and the facts that share them: limits, readability, and what the contract says about the raw body.</summary>
public sealed class BlobTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Upload_OverTheLimitWithLength_RefusedWithTheLimitInTheMessage()
    {
        var (owner, room) = await RoomAsync("big-known");
        using var content = new MemoryStream(new byte[HubFixture.MaxBlobBytes + 1]);

        var refused = await Should.ThrowAsync<HubClientException>(() => owner.UploadBlobAsync(room.Id, content, CancellationToken.None));

        refused.Code.ShouldBe("blob_too_large");
        refused.Message.ShouldContain($"over {HubFixture.MaxBlobBytes} bytes (1 MB)");
    }

    [Fact]
    public async Task Upload_OverTheLimitStreamedWithoutLength_RefusedWithTheLimitInTheMessage()
    {
        var (owner, room) = await RoomAsync("big-streamed");
        await using var content = new UnseekableStream(new MemoryStream(new byte[HubFixture.MaxBlobBytes * 2]));

        var refused = await Should.ThrowAsync<HubClientException>(() => owner.UploadBlobAsync(room.Id, content, CancellationToken.None));

        refused.Code.ShouldBe("blob_too_large", refused.Message);
    }

    [Fact]
    public async Task Download_AfterTheReaderLeftTheRoom_RefusedLikeAMissingBlob()
    {
        var (owner, room) = await RoomAsync("leaving");
        var reader = hub.NewClient("reader");
        await reader.RedeemInviteAsync((await owner.MintInviteAsync(room.Id, null, null, CancellationToken.None)).Code, CancellationToken.None);
        using var content = new MemoryStream([1, 2, 3]);
        var blob = await owner.UploadBlobAsync(room.Id, content, CancellationToken.None);
        await owner.PostFileAsync(room.Id, "three.bin", MediaTypes.Binary, null, blob, CancellationToken.None);
        var target = Path.Combine(Path.GetTempPath(), $"parler-blob-{Guid.NewGuid():N}");
        try
        {
            (await reader.DownloadBlobAsync(blob.Hash, _ => target, false, CancellationToken.None)).Size.ShouldBe(3);
            await reader.LeaveAsync(room.Id, CancellationToken.None);

            var refused = await Should.ThrowAsync<HubClientException>(() => reader.DownloadBlobAsync(blob.Hash, _ => target + ".again", false, CancellationToken.None));
            refused.Code.ShouldBe("not_found");
            File.Exists(target + ".again").ShouldBeFalse();
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task Download_WithARevokedToken_SignsInAgainAndGetsTheBytes()
    {
        var (owner, room) = await RoomAsync("renewed");
        using var content = new MemoryStream([4, 5]);
        var blob = await owner.UploadBlobAsync(room.Id, content, CancellationToken.None);
        await owner.PostFileAsync(room.Id, "two.bin", MediaTypes.Binary, null, blob, CancellationToken.None);
        await owner.RevokeTokenAsync(null, CancellationToken.None);
        var target = Path.Combine(Path.GetTempPath(), $"parler-blob-{Guid.NewGuid():N}");
        try
        {
            (await owner.DownloadBlobAsync(blob.Hash, _ => target, false, CancellationToken.None)).Size.ShouldBe(2);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task PostBundle_BlobNeverUploaded_RefusedWithHowToUpload()
    {
        var (owner, room) = await RoomAsync("no-upload");

        var refused = await Should.ThrowAsync<HubClientException>(() => owner.PostBundleAsync(
            room.Id, "refs/heads/main", new string('a', 40), null, null, new BlobView(new string('b', 64), 10), CancellationToken.None));

        refused.Code.ShouldBe("not_found");
        refused.Message.ShouldContain("Upload it first");
    }

    [Fact]
    public async Task PostFile_OutsiderWhoKnowsTheHash_AnsweredAsForAMissingBlobAndDownloadsNothing()
    {
        var (owner, room) = await RoomAsync("secret-share");
        using var content = new MemoryStream([9, 8, 7, 6]);
        var blob = await owner.UploadBlobAsync(room.Id, content, CancellationToken.None);
        var outsider = hub.NewClient("outsider");
        var own = await outsider.CreateRoomAsync("outsider-room", "channel", CancellationToken.None);
        var unknown = new BlobView(new string('c', 64), 4);
        var target = Path.Combine(Path.GetTempPath(), $"parler-blob-{Guid.NewGuid():N}");

        var rightSize = await Should.ThrowAsync<HubClientException>(() =>
            outsider.PostFileAsync(own.Id, "stolen.bin", MediaTypes.Binary, null, blob, CancellationToken.None));
        var wrongSize = await Should.ThrowAsync<HubClientException>(() =>
            outsider.PostFileAsync(own.Id, "stolen.bin", MediaTypes.Binary, null, blob with { Size = 999 }, CancellationToken.None));
        var missing = await Should.ThrowAsync<HubClientException>(() =>
            outsider.PostFileAsync(own.Id, "stolen.bin", MediaTypes.Binary, null, unknown, CancellationToken.None));
        var download = await Should.ThrowAsync<HubClientException>(() =>
            outsider.DownloadBlobAsync(blob.Hash, _ => target, false, CancellationToken.None));

        foreach (var refused in new[] { rightSize, wrongSize, missing })
        {
            refused.Code.ShouldBe("not_found");
        }

        wrongSize.Message.Replace(blob.Hash, "H", StringComparison.Ordinal).ShouldBe(missing.Message.Replace(unknown.Hash, "H", StringComparison.Ordinal));
        download.Code.ShouldBe("not_found");
        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public async Task PostFile_UnsignedByTheUploader_IsRefused()
    {
        var (owner, room) = await RoomAsync("unsigned-share");
        using var content = new MemoryStream([1, 1, 2, 3]);
        var blob = await owner.UploadBlobAsync(room.Id, content, CancellationToken.None);
        var unsigned = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "fib.bin", ["size"] = blob.Size, ["hash"] = blob.Hash, ["nonce"] = "unsigned-nonce-1",
        };

        var refused = await Should.ThrowAsync<HubClientException>(() =>
            owner.CallAsync(HttpMethod.Post, $"/v1/rooms/{room.Id}/files", unsigned, "unsigned-key", CancellationToken.None));

        refused.Code.ShouldBe("validation_failed");
        refused.Message.ShouldContain("'signature' is required");
    }

    [Fact]
    public async Task PostFile_ReaderOfARoomItWasSharedInto_SharesItOnward()
    {
        var (owner, room) = await RoomAsync("onward");
        var reader = hub.NewClient("onward-reader");
        await reader.RedeemInviteAsync((await owner.MintInviteAsync(room.Id, null, null, CancellationToken.None)).Code, CancellationToken.None);
        using var content = new MemoryStream([5, 5, 5]);
        var blob = await owner.UploadBlobAsync(room.Id, content, CancellationToken.None);
        await owner.PostFileAsync(room.Id, "five.bin", MediaTypes.Binary, null, blob, CancellationToken.None);
        var elsewhere = await reader.CreateRoomAsync("onward-elsewhere", "channel", CancellationToken.None);

        var shared = await reader.PostFileAsync(elsewhere.Id, "five.bin", MediaTypes.Binary, null, blob, CancellationToken.None);

        shared.Blob.ShouldBe(blob.Hash);
    }

    [Fact]
    public void OpenApi_BlobUpload_DeclaresARawStreamedBody()
    {
        var document = OpenApiDocument.Build(HubFeatures.CreateRegistry(), "http://127.0.0.1:7070");
        var upload = document["paths"]!["/v1/rooms/{room}/blobs"]!["post"]!;

        upload["requestBody"]!["content"]!["application/octet-stream"]!["schema"]!["format"]!.GetValue<string>().ShouldBe("binary");
        document["paths"]!["/v1/blobs/{blob}"]!["get"]!["responses"]!["200"]!["content"]!["application/octet-stream"].ShouldNotBeNull();
    }

    private async Task<(HubClient Owner, RoomView Room)> RoomAsync(string name)
    {
        var owner = hub.NewClient(name + "-owner");
        return (owner, await owner.CreateRoomAsync(name, "channel", CancellationToken.None));
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
