using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>What an author signs when posting: the room, the author, the text and a nonce, in RFC 8785 form.</summary>
internal static class MessageSignature
{
    public const string Purpose = "parler.message/v1";

    public static byte[] Payload(string roomId, string authorId, string kind, string body, string nonce) =>
        CanonicalJson.Serialize(new JsonObject
        {
            ["purpose"] = Purpose,
            ["room"] = roomId,
            ["author"] = authorId,
            ["kind"] = kind,
            ["body"] = body,
            ["nonce"] = nonce,
        });

    public static string Sign(AgentKey key, string roomId, string kind, string body, string nonce) =>
        Convert.ToBase64String(key.Sign(Payload(roomId, key.Id, kind, body, nonce)));

    public static bool Verify(string roomId, string authorId, string kind, string body, string nonce, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[64];
        return Convert.TryFromBase64String(signature, raw, out var written)
            && written == 64
            && AgentKey.VerifyById(authorId, Payload(roomId, authorId, kind, body, nonce), raw);
    }
}
