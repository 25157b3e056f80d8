using System.Globalization;
using System.Text.Json.Nodes;
using Parler.Core.Json;

namespace Parler.Core.Facts;

/// <summary>
/// Bundles and files are signed as a message of kind "bundle" or "file" whose body is the RFC 8785 form of their
/// fields, so readers check them with the message signature and the hub can neither forge nor alter one.
/// </summary>
internal static class BlobBody
{
    public const string BundleKind = "bundle";
    public const string FileKind = "file";

    public static string Bundle(string reference, string tip, string? baseRef, string? note, long size, string hash) =>
        CanonicalJson.SerializeToString(new JsonObject
        {
            ["ref"] = reference,
            ["tip"] = tip,
            ["base"] = baseRef,
            ["note"] = note,
            ["size"] = size,
            ["hash"] = hash,
        });

    public static string File(string name, string mediaType, string? note, long size, string hash) =>
        CanonicalJson.SerializeToString(new JsonObject
        {
            ["name"] = name,
            ["media_type"] = mediaType,
            ["note"] = note,
            ["size"] = size,
            ["hash"] = hash,
        });

    /// <summary>True for a SHA-256 in lowercase hex, the only form a blob id takes.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Bytes as people read them: 1.2 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
    };
}
