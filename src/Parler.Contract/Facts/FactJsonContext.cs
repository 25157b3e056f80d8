using System.Text.Json.Serialization;

namespace Parler.Contract.Facts;

/// <summary>
/// Source-generated JSON for every fact record. An absent optional field is left out, as the hub always wrote it; a
/// field the log has always carried as an explicit null says so (<c>JsonIgnoreCondition.Never</c>). A non-nullable field
/// missing from a stored fact is refused, so a damaged record is told rather than read as empty.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(RoomCreated))]
[JsonSerializable(typeof(MemberJoined))]
[JsonSerializable(typeof(MemberRequested))]
[JsonSerializable(typeof(MemberApproved))]
[JsonSerializable(typeof(MemberDenied))]
[JsonSerializable(typeof(MemberRemoved))]
[JsonSerializable(typeof(MemberLeft))]
[JsonSerializable(typeof(InviteMinted))]
[JsonSerializable(typeof(InviteRevoked))]
[JsonSerializable(typeof(MessagePosted))]
[JsonSerializable(typeof(CursorAdvanced))]
[JsonSerializable(typeof(HandoffPosted))]
[JsonSerializable(typeof(TaskStatusReported))]
[JsonSerializable(typeof(MemoryRemembered))]
[JsonSerializable(typeof(WorkerRegistered))]
[JsonSerializable(typeof(QueueAccessChanged))]
[JsonSerializable(typeof(JobEnqueued))]
[JsonSerializable(typeof(JobLeased))]
[JsonSerializable(typeof(JobCompleted))]
[JsonSerializable(typeof(AgentRegistered))]
[JsonSerializable(typeof(AgentRenamed))]
[JsonSerializable(typeof(TokenIssued))]
[JsonSerializable(typeof(TokenRevoked))]
[JsonSerializable(typeof(CardPublished))]
[JsonSerializable(typeof(BundlePosted))]
[JsonSerializable(typeof(FilePosted))]
[JsonSerializable(typeof(BlobUploaded))]
internal sealed partial class FactJsonContext : JsonSerializerContext;
