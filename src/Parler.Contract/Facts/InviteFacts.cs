using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>An invite was minted; only the hash of its code is kept.</summary>
internal sealed record InviteMinted(
    [property: JsonPropertyName("invite_id")] string InviteId,
    [property: JsonPropertyName("code_hash")] string CodeHash,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("expires_at")] long ExpiresAt,
    [property: JsonPropertyName("max_uses")] int MaxUses,
    [property: JsonPropertyName("approval")] bool Approval = false) : IFact<InviteMinted>
{
    public static string Type => FactTypes.InviteMinted;

    public static JsonTypeInfo<InviteMinted> Json => FactJsonContext.Default.InviteMinted;
}

internal sealed record InviteRevoked([property: JsonPropertyName("invite_id")] string InviteId) : IFact<InviteRevoked>
{
    public static string Type => FactTypes.InviteRevoked;

    public static JsonTypeInfo<InviteRevoked> Json => FactJsonContext.Default.InviteRevoked;
}
