extern alias BcCryptography;
extern alias BcPortable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NSec.Cryptography;
using Parler.Core.Facts;
using Bc2 = BcCryptography::Org.BouncyCastle.Crypto;
using Bc18 = BcPortable::Org.BouncyCastle.Crypto;

namespace Parler.Benchmarks;

/// <summary>
/// Ed25519 sign and verify, the same key and message through each candidate library: Portable.BouncyCastle 1.8.10
/// (what the project used first, the baseline), BouncyCastle.Cryptography 2.x (managed) and NSec (libsodium). Each
/// call does what the product does per message: the hub verifies by agent id, so the public key is imported on
/// every verify; the client signs with a key it holds. The message is a real post's signed payload (256 B body).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Ed25519Benchmarks
{
    private byte[] _message = [];
    private byte[] _publicKey = [];
    private byte[] _signature = [];
    private Bc18.Parameters.Ed25519PrivateKeyParameters _bc18Private = null!;
    private Bc2.Parameters.Ed25519PrivateKeyParameters _bc2Private = null!;
    private Key _nsecPrivate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        _bc18Private = new Bc18.Parameters.Ed25519PrivateKeyParameters(seed, 0);
        _bc2Private = new Bc2.Parameters.Ed25519PrivateKeyParameters(seed, 0);
        _nsecPrivate = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        _publicKey = _bc18Private.GeneratePublicKey().GetEncoded();
        _message = MessageSignature.Payload("rm_" + new string('a', 20), "pa" + new string('b', 58), "text", new string('x', 256), new string('0', 32));
        _signature = SignBc18();
        if (!SignBc2().AsSpan().SequenceEqual(_signature) || !SignNSec().AsSpan().SequenceEqual(_signature)
            || !VerifyBc18() || !VerifyBc2() || !VerifyNSec())
        {
            throw new InvalidOperationException("The libraries disagree on the same key and message.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _nsecPrivate.Dispose();

    [Benchmark(Baseline = true, Description = "Portable.BouncyCastle 1.8.10")]
    [BenchmarkCategory("sign")]
    public byte[] SignBc18()
    {
        var signer = new Bc18.Signers.Ed25519Signer();
        signer.Init(forSigning: true, _bc18Private);
        signer.BlockUpdate(_message, 0, _message.Length);
        return signer.GenerateSignature();
    }

    [Benchmark(Description = "BouncyCastle.Cryptography 2.7.0")]
    [BenchmarkCategory("sign")]
    public byte[] SignBc2()
    {
        var signer = new Bc2.Signers.Ed25519Signer();
        signer.Init(forSigning: true, _bc2Private);
        signer.BlockUpdate(_message, 0, _message.Length);
        return signer.GenerateSignature();
    }

    [Benchmark(Description = "NSec.Cryptography 26.4.0 (libsodium)")]
    [BenchmarkCategory("sign")]
    public byte[] SignNSec() => SignatureAlgorithm.Ed25519.Sign(_nsecPrivate, _message);

    [Benchmark(Baseline = true, Description = "Portable.BouncyCastle 1.8.10")]
    [BenchmarkCategory("verify")]
    public bool VerifyBc18()
    {
        var verifier = new Bc18.Signers.Ed25519Signer();
        verifier.Init(forSigning: false, new Bc18.Parameters.Ed25519PublicKeyParameters(_publicKey, 0));
        verifier.BlockUpdate(_message, 0, _message.Length);
        return verifier.VerifySignature(_signature);
    }

    [Benchmark(Description = "BouncyCastle.Cryptography 2.7.0")]
    [BenchmarkCategory("verify")]
    public bool VerifyBc2()
    {
        var verifier = new Bc2.Signers.Ed25519Signer();
        verifier.Init(forSigning: false, new Bc2.Parameters.Ed25519PublicKeyParameters(_publicKey));
        verifier.BlockUpdate(_message, 0, _message.Length);
        return verifier.VerifySignature(_signature);
    }

    [Benchmark(Description = "NSec.Cryptography 26.4.0 (libsodium)")]
    [BenchmarkCategory("verify")]
    public bool VerifyNSec() =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, _publicKey, KeyBlobFormat.RawPublicKey, out var publicKey)
        && SignatureAlgorithm.Ed25519.Verify(publicKey!, _message, _signature);
}
