using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// A request's Idempotency-Key as the store keeps it, and the answer kept for its replays. For an action whose answer
/// carries a secret shown once (<see cref="ActionContract.SecretAnswer"/>: an invite code, a sign-in link) the record
/// keeps neither in the clear: its key is a hash of the Idempotency-Key, and its answer is sealed (AES-256-GCM) under a
/// key derived from the Idempotency-Key, which only the caller holds. Anyone who reads the store learns no secret;
/// the caller's retry still gets the first answer back.
/// </summary>
internal sealed class IdempotentKey(string principal, string key, bool sealedAnswer)
{
    private const string SealedPrefix = "aes256gcm:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Principal => principal;

    /// <summary>The record's key column: the Idempotency-Key itself, or <c>sealed:</c> and a hash of it.</summary>
    public string Stored { get; } = sealedAnswer
        ? "sealed:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"parler idempotency key\n{principal}\n{key}")))
        : key;

    /// <summary>The kept record: under <see cref="Stored"/>, or, for a sealed action, one an older hub kept under the plain key.</summary>
    public async Task<IdempotencyRecord?> FindAsync(Func<string, string, Task<IdempotencyRecord?>> find) =>
        await find(principal, Stored) ?? (sealedAnswer ? await find(principal, key) : null);

    /// <summary>The answer's text as the record keeps it.</summary>
    public string Keep(byte[] answer)
    {
        if (!sealedAnswer)
        {
            return Encoding.UTF8.GetString(answer);
        }

        var box = new byte[NonceBytes + TagBytes + answer.Length];
        RandomNumberGenerator.Fill(box.AsSpan(0, NonceBytes));
        using var aes = new AesGcm(SealingKey(), TagBytes);
        aes.Encrypt(box.AsSpan(0, NonceBytes), answer, box.AsSpan(NonceBytes + TagBytes), box.AsSpan(NonceBytes, TagBytes));
        return SealedPrefix + Convert.ToBase64String(box);
    }

    /// <summary>The recorded answer, opened if sealed, with <c>replayed</c> turned true.</summary>
    public byte[] Replay(IdempotencyRecord earlier)
    {
        var recorded = earlier.Response.StartsWith(SealedPrefix, StringComparison.Ordinal) ? Open(earlier.Response) : earlier.Response;
        const string First = "\"replayed\":false}";
        if (recorded.EndsWith(First, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(string.Concat(recorded.AsSpan(0, recorded.Length - First.Length), "\"replayed\":true}"));
        }

        var replay = JsonNode.Parse(recorded)!.AsObject();
        replay["replayed"] = true;
        return Encoding.UTF8.GetBytes(replay.ToJsonString());
    }

    private string Open(string response)
    {
        var box = Convert.FromBase64String(response[SealedPrefix.Length..]);
        var answer = new byte[box.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(SealingKey(), TagBytes);
        aes.Decrypt(box.AsSpan(0, NonceBytes), box.AsSpan(NonceBytes + TagBytes), box.AsSpan(NonceBytes, TagBytes), answer);
        return Encoding.UTF8.GetString(answer);
    }

    private byte[] SealingKey() =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, Encoding.UTF8.GetBytes(principal), "parler idempotent answer"u8.ToArray());
}
