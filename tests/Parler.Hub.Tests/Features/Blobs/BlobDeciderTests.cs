using Parler.Hub.Errors;
using Parler.Hub.Features.Blobs;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Tests.Features.Blobs;

public sealed class BlobDeciderTests
{
    private const string Bob = "pa_bob0000000000";
    private const string Hash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly PostFile File = new(TestRooms.Owner, "design.pdf", "application/pdf", 42, Hash, "nonce-0001", "v2", "sig");

    private static readonly PostBundle Bundle = new(TestRooms.Owner, "refs/heads/feature", new string('a', 40), 42, Hash, "nonce-0002", "origin/main", null, "sig");

    [Fact]
    public void File_MemberWithAFreshNonce_Posted()
    {
        BlobDecider.File(new ShareState(TestRooms.Channel(), false), File).Fact
            .ShouldBe(new FilePosted("design.pdf", "application/pdf", 42, Hash, "nonce-0001", "v2", "sig"));
    }

    [Fact]
    public void Bundle_MemberWithAFreshNonce_Posted()
    {
        BlobDecider.Bundle(new ShareState(TestRooms.Channel(), false), Bundle).Fact
            .ShouldBe(new BundlePosted("refs/heads/feature", new string('a', 40), 42, Hash, "nonce-0002", "origin/main", null, "sig"));
    }

    [Fact]
    public void File_NonceTheRoomHolds_RefusedAsNonceReused()
    {
        BlobDecider.File(new ShareState(TestRooms.Channel(), true), File).Refusal!.Error.ShouldBe(ErrorCodes.NonceReused);
        BlobDecider.Bundle(new ShareState(TestRooms.Channel(), true), Bundle).Refusal!.Error.ShouldBe(ErrorCodes.NonceReused);
    }

    [Fact]
    public void File_AuthorNoLongerInTheRoom_RefusedAsRoomNotFound()
    {
        var room = TestRooms.Channel((Bob, "bob", MemberStatus.Removed));

        BlobDecider.File(new ShareState(room, false), File with { Author = Bob }).Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
        BlobDecider.Bundle(new ShareState(room, false), Bundle with { Author = Bob }).Refusal!.Error.ShouldBe(ErrorCodes.RoomNotFound);
    }
}
