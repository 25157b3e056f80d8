using Parler.Core.Facts;
using Parler.Hub.Errors;
using Parler.Hub.Limits;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// The one way every signed post on the hub (a message, a handoff, a bundle, a file) is checked. The nonce's shape and
/// the author's signature over {purpose, room, author, kind, body, nonce} are checked before the single writer, on the
/// request's own thread; inside the writer, once the room's head is held, a nonce the room already holds is a replay
/// and is refused, under any Idempotency-Key.
/// </summary>
internal static class SignedPost
{
    public const int MinNonceChars = 8;
    public const int MaxNonceChars = 128;

    /// <summary>Checks the nonce and the signature (required when <paramref name="signatureRequired"/>); returns the nonce.</summary>
    public static string Check(
        ActionCall call, string kind, string body, string? nonce, string? signature, bool signatureRequired, string recipe)
    {
        var checkedNonce = Validate.Required(nonce, "nonce", "a random string of 8-128 characters");
        if (checkedNonce.Length is < MinNonceChars or > MaxNonceChars)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'nonce' must be {MinNonceChars}-{MaxNonceChars} characters, random per post.");
        }

        Hint(call, checkedNonce);

        if (signature is null)
        {
            return signatureRequired
                ? throw new HubException(ErrorCodes.ValidationFailed, $"'signature' is required: {recipe}")
                : checkedNonce;
        }

        if (!MessageSignature.Verify(call.RequireRoom().Id, call.RequireCaller().AgentId, kind, body, checkedNonce, signature))
        {
            throw new HubException(ErrorCodes.SignatureInvalid, $"The signature does not verify: {recipe}");
        }

        return checkedNonce;
    }

    /// <summary>Tells the writer what the post will look up there: its room, its nonce, its quota windows (<see cref="WriteHints"/>).</summary>
    private static void Hint(ActionCall call, string nonce)
    {
        var roomId = call.RequireRoom().Id;
        var hints = call.Hints ??= new WriteHints();
        hints.Room = roomId;
        hints.Nonce = (roomId, nonce);
        var limits = call.Services.Options.Limits;
        hints.AddWindow(limits.AgentMessages, call.RequireCaller().AgentId, call.Services.Time);
        hints.AddWindow(limits.RoomMessages, roomId, call.Services.Time);
    }

    /// <summary>A signed post whose nonce the room already holds: a replay, under any Idempotency-Key.</summary>
    public static Refusal Replayed { get; } = new(
        ErrorCodes.NonceReused,
        "This room already holds a post with this nonce: the same signed post was sent before. A retry must reuse its first "
        + "Idempotency-Key (it then answers the first result); a new post needs a new nonce and signature.");

    /// <summary>
    /// Inside the writer, after the room is reloaded (its head held): refuses a nonce this room already holds, and charges
    /// the post to its author's and its room's message quotas.
    /// </summary>
    public static async Task ClaimAsync(ActionCall call, IStoreWriter writer, string roomId, string nonce, CancellationToken cancellationToken)
    {
        await ChargeAsync(call, writer, roomId, cancellationToken);
        if (await writer.NonceSeenAsync(roomId, nonce, cancellationToken))
        {
            throw Replayed.ToException();
        }
    }

    /// <summary>Inside the writer: charges the post to its author's and its room's message quotas.</summary>
    public static async Task ChargeAsync(ActionCall call, IStoreWriter writer, string roomId, CancellationToken cancellationToken)
    {
        var limits = call.Services.Options.Limits;
        await Quota.ChargeAsync(writer, call.Services.Time, limits.AgentMessages, call.RequireCaller().AgentId, 1, cancellationToken);
        await Quota.ChargeAsync(writer, call.Services.Time, limits.RoomMessages, roomId, 1, cancellationToken);
    }
}
