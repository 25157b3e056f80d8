using Parler.Client.Blobs;
using Parler.Core.Protocol;

namespace Parler.Client.Git;

/// <summary>
/// <c>push</c>: bundles <c>base..ref</c> (or the ref's whole history) with the real git, uploads it, and shares it
/// into a room as a signed bundle fact.
/// </summary>
internal static class BundlePush
{
    public sealed record Result(SharedBlobResponse Posted, string Ref, string Tip, string? Base, int Commits, long Size);

    public static async Task<Result> RunAsync(
        HubClient client, GitRunner git, string roomRef, string? reference, string? baseRef, string? note, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        await git.TopLevelAsync("parler push", cancellationToken);
        var name = reference ?? "HEAD";
        if (name.StartsWith('-') || baseRef?.StartsWith('-') == true)
        {
            throw new HandoffException("A ref or base never starts with '-'; pass a branch, tag or commit, e.g. --base origin/main.");
        }

        var tip = (await git.RunAsync($"'{name}' is not a commit in this repository; pass --ref with a branch, tag or commit", cancellationToken,
            "rev-parse", "--verify", "--quiet", name + "^{commit}")).Trim();
        var fullRef = (await git.TryRunAsync(cancellationToken, "rev-parse", "--symbolic-full-name", name)).Output.Trim();
        if (fullRef == "HEAD" && reference is null)
        {
            var branch = (await git.TryRunAsync(cancellationToken, "symbolic-ref", "--quiet", "HEAD")).Output.Trim();
            fullRef = branch.Length > 0 ? branch : fullRef;
        }

        if (fullRef.Length == 0 || !fullRef.StartsWith("refs/", StringComparison.Ordinal))
        {
            fullRef = name == "HEAD" ? "HEAD" : throw new HandoffException($"'{name}' is a commit, not a branch or tag: a bundle carries refs. Create a branch (git branch NAME {name}) and push that.");
        }

        string? baseCommit = null;
        if (baseRef is not null)
        {
            baseCommit = (await git.RunAsync($"The base '{baseRef}' is not a commit in this repository; fetch it or pass another --base", cancellationToken,
                "rev-parse", "--verify", "--quiet", baseRef + "^{commit}")).Trim();
        }

        var range = baseCommit is null ? tip : $"{baseCommit}..{tip}";
        var count = int.Parse((await git.RunAsync("Cannot count the commits to push", cancellationToken, "rev-list", "--count", range)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        if (count == 0)
        {
            throw new HandoffException($"Nothing to push: {name} has no commits that {baseRef} lacks. Commit first, or pick another --base.");
        }

        var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
        var bundlePath = Path.Combine(Path.GetTempPath(), $"parler-{Guid.NewGuid():N}.bundle");
        try
        {
            string[] create = baseCommit is null ? ["bundle", "create", "--quiet", bundlePath, fullRef] : ["bundle", "create", "--quiet", bundlePath, fullRef, "^" + baseCommit];
            await git.RunAsync("git could not create the bundle", cancellationToken, create);
            BlobView blob;
            await using (var file = new FileStream(bundlePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                blob = await client.UploadBlobAsync(roomId, file, cancellationToken);
            }

            var posted = await client.PostBundleAsync(roomId, fullRef, tip, baseRef, note, blob, cancellationToken, idempotencyKey);
            return new Result(posted, fullRef, tip, baseRef, count, blob.Size);
        }
        finally
        {
            File.Delete(bundlePath);
        }
    }
}
