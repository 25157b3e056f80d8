using System.Text.Json;
using System.Text.Json.Serialization;
using Parler.Core.Protocol;

namespace Parler.Client;

/// <summary>The client reads hub answers tolerantly: fields a newer hub adds are skipped, not fatal.</summary>
internal static class LenientJson
{
    public static ProtocolJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
