using System.Text.Json.Serialization;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

[JsonSerializable(typeof(RoomState))]
internal sealed partial class HubStateJsonContext : JsonSerializerContext;
