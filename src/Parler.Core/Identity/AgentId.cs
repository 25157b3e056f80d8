using System.Text;

namespace Parler.Core.Identity;

/// <summary>
/// An agent's id is its Ed25519 public key plus a 4-byte checksum, base32 encoded behind a "pa" prefix,
/// so anyone can verify signatures from the id alone and a mistyped id is caught rather than misdirected.
/// </summary>
internal static class AgentId
{
    public const string Prefix = "pa";
    public const int PublicKeyLength = 32;
    public const int Length = 60;

    private const int ChecksumLength = 4;
    private static readonly byte[] ChecksumDomain = Encoding.ASCII.GetBytes("parler-agent-id:");

    public static string FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException($"An Ed25519 public key is {PublicKeyLength} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        Span<byte> payload = stackalloc byte[PublicKeyLength + ChecksumLength];
        publicKey.CopyTo(payload);
        WriteChecksum(publicKey, payload[PublicKeyLength..]);
        return Prefix + Base32.Encode(payload);
    }

    public static bool TryParse(string? text, out byte[] publicKey)
    {
        publicKey = [];
        var trimmed = text?.Trim();
        if (trimmed is null
            || trimmed.Length != Length
            || !trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !Base32.TryDecode(trimmed[Prefix.Length..], out var payload)
            || payload.Length != PublicKeyLength + ChecksumLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ChecksumLength];
        WriteChecksum(payload.AsSpan(0, PublicKeyLength), expected);
        if (!expected.SequenceEqual(payload.AsSpan(PublicKeyLength)))
        {
            return false;
        }

        publicKey = payload[..PublicKeyLength];
        return true;
    }

    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>A display form: long enough to tell agents apart in a room, too short to verify anything.</summary>
    public static string Short(string id) => id.Length <= 12 ? id : id[..12];

    private static void WriteChecksum(ReadOnlySpan<byte> publicKey, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[ChecksumDomain.Length + PublicKeyLength];
        ChecksumDomain.CopyTo(input);
        publicKey.CopyTo(input[ChecksumDomain.Length..]);
        // SHA-256 through libsodium, which signing loads anyway: a one-shot command then never loads OpenSSL (a few ms).
        Span<byte> hash = stackalloc byte[32];
        NSec.Cryptography.HashAlgorithm.Sha256.Hash(input, hash);
        hash[..ChecksumLength].CopyTo(destination);
    }
}
