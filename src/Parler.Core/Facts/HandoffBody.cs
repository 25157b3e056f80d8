using System.Text.Json.Nodes;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>A handoff is signed as a message of kind "handoff" whose body is the RFC 8785 form of its fields.</summary>
internal static class HandoffBody
{
    public const string Kind = "handoff";

    public static string Of(string target, string summary, string next, string? bundle) =>
        CanonicalJson.SerializeToString(new JsonObject
        {
            ["for"] = target,
            ["summary"] = summary,
            ["next"] = next,
            ["bundle"] = bundle,
        });
}
