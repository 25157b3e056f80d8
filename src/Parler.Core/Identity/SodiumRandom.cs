using System.Runtime.InteropServices;
using NSec.Cryptography;

namespace Parler.Core.Identity;

/// <summary>
/// Random bytes from libsodium (<c>randombytes_buf</c>, the operating system's generator), which signing loads anyway.
/// The framework's generator is OpenSSL's on Linux: loading it would cost a one-shot command a few milliseconds.
/// </summary>
internal static partial class SodiumRandom
{
    public static byte[] Bytes(int count)
    {
        // NSec initialises libsodium (sodium_init) when its first algorithm is made.
        _ = SignatureAlgorithm.Ed25519;
        var bytes = new byte[count];
        Fill(bytes, (nuint)bytes.Length);
        return bytes;
    }

    [LibraryImport("libsodium", EntryPoint = "randombytes_buf")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static partial void Fill(Span<byte> buffer, nuint size);
}
