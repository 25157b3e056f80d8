using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Parler.Core.Identity;

/// <summary>An agent's Ed25519 key pair. The seed is the only secret; everything else derives from it.</summary>
internal sealed class AgentKey
{
    public const int SeedLength = 32;
    public const int SignatureLength = 64;

    private readonly Ed25519PrivateKeyParameters _privateKey;
    private readonly byte[] _publicKey;

    private AgentKey(byte[] seed)
    {
        _privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        _publicKey = _privateKey.GeneratePublicKey().GetEncoded();
        Id = AgentId.FromPublicKey(_publicKey);
    }

    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    public string Id { get; }

    public static AgentKey Generate()
    {
        var seed = RandomNumberGenerator.GetBytes(SeedLength);
        try
        {
            return new AgentKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public static AgentKey FromSeed(ReadOnlySpan<byte> seed32)
    {
        if (seed32.Length != SeedLength)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedLength} bytes, not {seed32.Length}.", nameof(seed32));
        }

        var seed = seed32.ToArray();
        try
        {
            return new AgentKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public byte[] ExportSeed() => _privateKey.GetEncoded();

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != AgentId.PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey.ToArray(), 0));
            var bytes = message.ToArray();
            verifier.BlockUpdate(bytes, 0, bytes.Length);
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool VerifyById(string agentId, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        AgentId.TryParse(agentId, out var publicKey) && Verify(publicKey, message, signature);
}
