using System.Text.Json.Serialization;
using Parler.Hub.Rooms;

namespace Parler.Hub.Storage;

[JsonSerializable(typeof(RoomState))]
internal sealed partial class HubStateJsonContext : JsonSerializerContext;
