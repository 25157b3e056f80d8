using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Parler.Core.Protocol;

/// <summary>Every wire type, serialised without reflection; unknown members are refused.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ChallengeRequest))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RevokeTokenRequest))]
[JsonSerializable(typeof(RevokeTokenResponse))]
[JsonSerializable(typeof(WhoAmIResponse))]
[JsonSerializable(typeof(HubInfoResponse))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(CreateRoomRequest))]
[JsonSerializable(typeof(RoomView))]
[JsonSerializable(typeof(RoomListResponse))]
[JsonSerializable(typeof(RosterResponse))]
[JsonSerializable(typeof(LeaveResponse))]
[JsonSerializable(typeof(MintInviteRequest))]
[JsonSerializable(typeof(InviteView))]
[JsonSerializable(typeof(RedeemInviteRequest))]
[JsonSerializable(typeof(RedeemInviteResponse))]
[JsonSerializable(typeof(RevokeInviteResponse))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(ReadEventsRequest))]
[JsonSerializable(typeof(ReadEventsResponse))]
[JsonSerializable(typeof(EventView))]
[JsonSerializable(typeof(AckRequest))]
[JsonSerializable(typeof(StreamRequest))]
[JsonSerializable(typeof(CursorResponse))]
[JsonSerializable(typeof(AffordancesResponse))]
[JsonSerializable(typeof(ProblemResponse))]
[JsonSerializable(typeof(JoinRequestsResponse))]
[JsonSerializable(typeof(MemberDecisionResponse))]
[JsonSerializable(typeof(PostHandoffRequest))]
[JsonSerializable(typeof(HandoffResponse))]
[JsonSerializable(typeof(TaskStatusRequest))]
[JsonSerializable(typeof(TaskStatusResponse))]
[JsonSerializable(typeof(PublishCardRequest))]
[JsonSerializable(typeof(CardView))]
[JsonSerializable(typeof(DiscoverCardsRequest))]
[JsonSerializable(typeof(CardListResponse))]
[JsonSerializable(typeof(OpenDmRequest))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
