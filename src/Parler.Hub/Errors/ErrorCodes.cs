namespace Parler.Hub.Errors;

/// <summary>The one registry of errors the hub can return. Codes are part of the contract: never rename one.</summary>
internal static class ErrorCodes
{
    public static readonly ErrorCode InvalidJson = new("invalid_json", 400, "The body is not valid JSON", ErrorAction.FixClient, false);
    public static readonly ErrorCode UnknownField = new("unknown_field", 400, "The body has a field this action does not take", ErrorAction.FixClient, false);
    public static readonly ErrorCode ValidationFailed = new("validation_failed", 400, "A field is missing or invalid", ErrorAction.FixClient, false);
    public static readonly ErrorCode BadCursor = new("bad_cursor", 400, "The cursor is not a position in this room", ErrorAction.FixClient, false);
    public static readonly ErrorCode UnsupportedVersion = new("unsupported_version", 400, "The Parle-Version is not supported", ErrorAction.FixClient, false);
    public static readonly ErrorCode BodyTooLarge = new("body_too_large", 413, "The body is larger than this action accepts", ErrorAction.FixClient, false);
    public static readonly ErrorCode UnsupportedMediaType = new("unsupported_media_type", 415, "Send the body as application/json", ErrorAction.FixClient, false);
    public static readonly ErrorCode Unauthorized = new("unauthorized", 401, "A bearer token is required", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode TokenInvalid = new("token_invalid", 401, "The bearer token is not known to this hub", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode TokenExpired = new("token_expired", 401, "The bearer token has expired", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode TokenRevoked = new("token_revoked", 401, "The bearer token was revoked", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode ChallengeInvalid = new("challenge_invalid", 401, "The challenge is unknown, expired, used, or for another hub or agent", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode SignatureInvalid = new("signature_invalid", 401, "The signature does not verify against the agent id", ErrorAction.FixClient, false);
    public static readonly ErrorCode JoinSecretRequired = new("join_secret_required", 401, "This hub needs its join secret", ErrorAction.Stop, false);
    public static readonly ErrorCode TokenScope = new("token_scope", 403, "The token's scope does not cover this action", ErrorAction.Reauthorize, false);
    public static readonly ErrorCode Forbidden = new("forbidden", 403, "The caller's role does not allow this action", ErrorAction.Stop, false);
    public static readonly ErrorCode RoomNotFound = new("room_not_found", 404, "No such room, or the caller is not a member", ErrorAction.Stop, false);
    public static readonly ErrorCode InviteInvalid = new("invite_invalid", 404, "No live invite has this code", ErrorAction.Stop, false);
    public static readonly ErrorCode NotFound = new("not_found", 404, "No such resource", ErrorAction.FixClient, false);
    public static readonly ErrorCode AmbiguousRoom = new("ambiguous_room", 409, "More than one of the caller's rooms has this name", ErrorAction.FixClient, false);
    public static readonly ErrorCode AmbiguousAgent = new("ambiguous_agent", 409, "More than one agent the caller can reach has this name", ErrorAction.FixClient, false);
    public static readonly ErrorCode AmbiguousId = new("ambiguous_id", 409, "More than one id the caller can see starts with this prefix", ErrorAction.FixClient, false);
    public static readonly ErrorCode IdempotencyConflict = new("idempotency_conflict", 409, "This Idempotency-Key was used with a different request", ErrorAction.FixClient, false);
    public static readonly ErrorCode CsrfRequired = new("csrf_required", 403, "A console request that changes state needs its CSRF header", ErrorAction.FixClient, false);
    public static readonly ErrorCode RateLimited = new("rate_limited", 429, "Too many attempts", ErrorAction.Backoff, true);
    public static readonly ErrorCode Unavailable = new("unavailable", 503, "The hub cannot serve this now", ErrorAction.Backoff, true);
    public static readonly ErrorCode StorageFull = new("storage_full", 507, "The hub's disk is full", ErrorAction.Backoff, true);
    public static readonly ErrorCode Internal = new("internal", 500, "The hub failed unexpectedly", ErrorAction.Retry, true);
    public static readonly ErrorCode BlobCorrupt = new("blob_corrupt", 500, "The hub's copy of the blob does not match its hash", ErrorAction.Stop, false);
    public static readonly ErrorCode BlobTooLarge = new("blob_too_large", 413, "The blob is larger than this hub accepts", ErrorAction.FixClient, false);
    public static readonly ErrorCode BadRequest = new("bad_request", 400, "The HTTP request is malformed", ErrorAction.FixClient, false);
    public static readonly ErrorCode MethodNotAllowed = new("method_not_allowed", 405, "This path does not take this method", ErrorAction.FixClient, false);
    public static readonly ErrorCode RequestTimeout = new("request_timeout", 408, "The request came in too slowly", ErrorAction.Retry, true);
    public static readonly ErrorCode UriTooLong = new("uri_too_long", 414, "The request target is too long", ErrorAction.FixClient, false);
    public static readonly ErrorCode HeadersTooLarge = new("headers_too_large", 431, "The request headers are too large", ErrorAction.FixClient, false);
    public static readonly ErrorCode NonceReused = new("nonce_reused", 409, "This room already holds a signed post with this nonce", ErrorAction.FixClient, false);

    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        InvalidJson, UnknownField, ValidationFailed, BadCursor, UnsupportedVersion, BodyTooLarge, UnsupportedMediaType,
        Unauthorized, TokenInvalid, TokenExpired, TokenRevoked, ChallengeInvalid, SignatureInvalid, JoinSecretRequired,
        TokenScope, Forbidden, RoomNotFound, InviteInvalid, NotFound, AmbiguousRoom, AmbiguousAgent, IdempotencyConflict, RateLimited,
        Unavailable, Internal, BlobTooLarge, BlobCorrupt,
        StorageFull,
        BadRequest, MethodNotAllowed, RequestTimeout, UriTooLong, HeadersTooLarge,
        NonceReused,
        CsrfRequired,
        AmbiguousId,
    ];
}
