using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Parler.Core.Json;
using Parler.Core.Protocol;

namespace Parler.Core.Facts;

/// <summary>What an agent signs when it publishes its card: every field of the card, in RFC 8785 form.</summary>
internal static class CardSignature
{
    public const string Purpose = "parler.card/v1";

    public static byte[] Payload(string agentId, CardFields card)
    {
        var tags = new JsonArray();
        foreach (var tag in card.Tags ?? [])
        {
            tags.Add((JsonNode?)JsonValue.Create(tag));
        }

        var skills = new JsonArray();
        foreach (var skill in card.Skills ?? [])
        {
            skills.Add((JsonNode?)JsonValue.Create(skill));
        }

        return CanonicalJson.Serialize(new JsonObject
        {
            ["purpose"] = Purpose,
            ["agent"] = agentId,
            ["name"] = card.Name,
            ["role"] = card.Role,
            ["description"] = card.Description,
            ["tags"] = tags,
            ["skills"] = skills,
            ["visibility"] = card.Visibility,
            ["updated_at"] = card.UpdatedAt,
        });
    }

    public static string Sign(AgentKey key, CardFields card) => Convert.ToBase64String(key.Sign(Payload(key.Id, card)));

    public static bool Verify(string agentId, CardFields card, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[64];
        return Convert.TryFromBase64String(signature, raw, out var written)
            && written == 64
            && AgentKey.VerifyById(agentId, Payload(agentId, card), raw);
    }
}
