namespace Parler.Hub.Features.Invites;

/// <summary>The invites projection (by code hash), for both engines.</summary>
internal static class InvitesSql
{
    public const string Find = "SELECT invite_id, room FROM invites WHERE code_hash = $1";

    public const string Save = "INSERT INTO invites (code_hash, invite_id, room) VALUES ($1, $2, $3)";
}
