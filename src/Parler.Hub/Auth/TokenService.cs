using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Parler.Hub.Storage;

namespace Parler.Hub.Auth;

/// <summary>
/// Challenges and bearer tokens. A challenge is stateless (an HMAC over nonce, expiry, agent and hub) so any hub
/// on the same store can check it; single use is enforced when the token it bought is stored.
/// </summary>
internal sealed class TokenService(TimeProvider time)
{
    public const string TokenPrefix = "plr_";
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);

    private const int NonceLength = 16;
    private const int MacLength = 16;

    public (string Challenge, DateTimeOffset ExpiresAt) CreateChallenge(HubMeta meta, string agentId)
    {
        var expires = time.GetUtcNow() + ChallengeLifetime;
        var raw = new byte[NonceLength + 8 + MacLength];
        RandomNumberGenerator.Fill(raw.AsSpan(0, NonceLength));
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(NonceLength, 8), expires.ToUnixTimeSeconds());
        Mac(meta, agentId, raw.AsSpan(0, NonceLength + 8)).CopyTo(raw.AsSpan(NonceLength + 8));
        return (Base64Url(raw), expires);
    }

    /// <summary>True when the challenge was made by this hub's key for this agent and has not expired.</summary>
    public bool IsLiveChallenge(HubMeta meta, string agentId, string challenge)
    {
        byte[] raw;
        try
        {
            raw = FromBase64Url(challenge);
        }
        catch (FormatException)
        {
            return false;
        }

        if (raw.Length != NonceLength + 8 + MacLength)
        {
            return false;
        }

        var expected = Mac(meta, agentId, raw.AsSpan(0, NonceLength + 8));
        var expires = BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(NonceLength, 8));
        return CryptographicOperations.FixedTimeEquals(expected, raw.AsSpan(NonceLength + 8))
            && time.GetUtcNow().ToUnixTimeSeconds() <= expires;
    }

    /// <summary>A new opaque token: 256 random bits behind a recognisable prefix so a leaked one can be found.</summary>
    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static byte[] Mac(HubMeta meta, string agentId, ReadOnlySpan<byte> body)
    {
        var context = Encoding.UTF8.GetBytes($"parler-challenge|{meta.HubId}|{agentId}|");
        var message = new byte[context.Length + body.Length];
        context.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(context.Length));
        return HMACSHA256.HashData(meta.ChallengeKey, message)[..MacLength];
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}
