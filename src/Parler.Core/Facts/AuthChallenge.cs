using System.Text;
using System.Text.Json.Nodes;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>What an agent signs to prove it holds its key: bound to one hub, one agent and one challenge.</summary>
internal static class AuthChallenge
{
    public const string Purpose = "parler.auth/v1";

    public static byte[] Payload(string hubId, string agentId, string challenge) =>
        CanonicalJson.Serialize(new JsonObject
        {
            ["purpose"] = Purpose,
            ["hub"] = hubId,
            ["agent"] = agentId,
            ["challenge"] = challenge,
        });

    /// <summary>The payload as text, for the hub to show callers exactly what to sign.</summary>
    public static string PayloadText(string hubId, string agentId, string challenge) =>
        Encoding.UTF8.GetString(Payload(hubId, agentId, challenge));
}
