using NSec.Cryptography;

namespace Parler.Core.Identity;

/// <summary>
/// An agent's Ed25519 key pair. The seed is the only secret; everything else derives from it. Signing and verifying
/// go through libsodium (NSec): bench/Parler.Benchmarks' Ed25519Benchmarks measured it against the managed libraries.
/// </summary>
internal sealed class AgentKey
{
    public const int SeedLength = 32;
    public const int SignatureLength = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _privateKey;
    private readonly byte[] _publicKey;

    private AgentKey(Key privateKey)
    {
        _privateKey = privateKey;
        _publicKey = privateKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Id = AgentId.FromPublicKey(_publicKey);
    }

    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    public string Id { get; }

    public static AgentKey Generate() => new(Key.Create(Algorithm, Exportable()));

    public static AgentKey FromSeed(ReadOnlySpan<byte> seed32)
    {
        if (seed32.Length != SeedLength)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedLength} bytes, not {seed32.Length}.", nameof(seed32));
        }

        return new AgentKey(Key.Import(Algorithm, seed32, KeyBlobFormat.RawPrivateKey, Exportable()));
    }

    public byte[] ExportSeed() => _privateKey.Export(KeyBlobFormat.RawPrivateKey);

    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_privateKey, message);

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        publicKey.Length == AgentId.PublicKeyLength
        && signature.Length == SignatureLength
        && NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Algorithm.Verify(key!, message, signature);

    public static bool VerifyById(string agentId, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        AgentId.TryParse(agentId, out var publicKey) && Verify(publicKey, message, signature);

    // The identity file stores the seed, so the key must be exportable; libsodium keeps it in guarded memory meanwhile.
    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
