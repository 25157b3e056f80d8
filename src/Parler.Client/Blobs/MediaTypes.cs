namespace Parler.Client.Blobs;

/// <summary>A media type guessed from a file's extension: a label for the reader, never trusted for anything.</summary>
internal static class MediaTypes
{
    public const string Binary = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif", [".svg"] = "image/svg+xml", [".txt"] = "text/plain", [".md"] = "text/markdown",
        [".json"] = "application/json", [".csv"] = "text/csv", [".html"] = "text/html", [".zip"] = "application/zip",
        [".gz"] = "application/gzip", [".tar"] = "application/x-tar", [".bundle"] = "application/x-git-bundle",
        [".patch"] = "text/x-diff", [".diff"] = "text/x-diff", [".xml"] = "application/xml", [".yaml"] = "application/yaml",
    };

    public static string Of(string fileName) => ByExtension.GetValueOrDefault(Path.GetExtension(fileName)) ?? Binary;
}
