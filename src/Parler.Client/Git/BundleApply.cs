using Parler.Client.Blobs;

namespace Parler.Client.Git;

/// <summary>
/// <c>apply</c>: downloads a bundle (verified against its id), checks it with <c>git bundle verify</c>, and fetches its
/// refs into <c>refs/parler/&lt;id&gt;/…</c>. It stops there: HEAD, the index and the working tree are never touched.
/// </summary>
internal static class BundleApply
{
    public const string RefRoot = "refs/parler/";
    private const int MaxCommitsShown = 50;

    public sealed record ImportedRef(string Name, string Commit, string BundleRef);

    public sealed record Result(string Blob, IReadOnlyList<ImportedRef> Refs, IReadOnlyList<string> Commits, bool AlreadyApplied);

    /// <summary>Where a bundle's ref lands: refs/heads/feature of blob abcd… becomes refs/parler/abcd…(12)/heads/feature.</summary>
    public static string LocalRef(string hash, string bundleRef) =>
        RefRoot + hash[..12] + "/" + (bundleRef.StartsWith("refs/", StringComparison.Ordinal) ? bundleRef["refs/".Length..] : bundleRef);

    public static async Task<Result> RunAsync(HubClient client, GitRunner git, string hash, CancellationToken cancellationToken)
    {
        await git.TopLevelAsync("parler apply", cancellationToken);
        var bundlePath = Path.Combine(Path.GetTempPath(), $"parler-{Guid.NewGuid():N}.bundle");
        try
        {
            await client.DownloadBlobAsync(hash, _ => bundlePath, overwrite: true, cancellationToken);
            var (verified, _, why) = await git.TryRunAsync(cancellationToken, "bundle", "verify", "--quiet", bundlePath);
            if (verified != 0)
            {
                throw new HandoffException(
                    $"Blob {hash} is not a bundle this repository can take: {why.Trim()} If it lacks commits the bundle builds on, fetch its base first (e.g. git fetch origin) and apply again.");
            }

            var heads = (await git.RunAsync("Cannot list the bundle's refs", cancellationToken, "bundle", "list-heads", bundlePath))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2)
                .Select(parts => new ImportedRef(LocalRef(hash, parts[1]), parts[0], parts[1]))
                .ToList();
            if (heads.Count == 0)
            {
                throw new HandoffException($"Bundle {hash} carries no refs; nothing to import.");
            }

            var before = new List<string>();
            foreach (var head in heads)
            {
                before.Add((await git.TryRunAsync(cancellationToken, "rev-parse", "--verify", "--quiet", head.Name)).Output.Trim());
            }

            string[] fetch = ["-c", "gc.auto=0", "fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", bundlePath,
                .. heads.Select(h => $"+{h.BundleRef}:{h.Name}")];
            await git.RunAsync("git could not fetch the bundle's refs", cancellationToken, fetch);
            var already = heads.Select((h, i) => before[i] == h.Commit).All(same => same);
            return new Result(hash, heads, await CommitsAsync(git, heads, cancellationToken), already);
        }
        finally
        {
            File.Delete(bundlePath);
        }
    }

    /// <summary>The imported commits that HEAD does not have yet (all of them when HEAD is unborn), newest first.</summary>
    private static async Task<IReadOnlyList<string>> CommitsAsync(GitRunner git, IReadOnlyList<ImportedRef> heads, CancellationToken cancellationToken)
    {
        var hasHead = (await git.TryRunAsync(cancellationToken, "rev-parse", "--verify", "--quiet", "HEAD")).Exit == 0;
        string[] log = ["log", $"--max-count={MaxCommitsShown}", "--format=%H %s", .. heads.Select(h => h.Name).Distinct(), .. (hasHead ? new[] { "--not", "HEAD" } : []), "--"];
        return (await git.RunAsync("Cannot list the imported commits", cancellationToken, log))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
