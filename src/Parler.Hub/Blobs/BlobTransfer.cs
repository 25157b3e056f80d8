using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Limits;

namespace Parler.Hub.Blobs;

/// <summary>The two streamed ends of a blob: the upload into the store and the download out of it, hash-checked.</summary>
internal static partial class BlobTransfer
{
    public static async Task UploadAsync(ActionCall call, CancellationToken cancellationToken)
    {
        var http = call.Http;
        var max = call.Services.Options.MaxBlobBytes;
        if (http.Request.ContentLength > max)
        {
            throw BlobIntake.TooLarge(max);
        }

        // The store counts the bytes and refuses past the limit, so Kestrel's own cap (meant for JSON bodies) is lifted here.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var limits = call.Services.Options.Limits;
        var expected = http.Request.ContentLength ?? 0;
        var caller = call.RequireCaller();
        await Quota.CheckAsync(call.Services.Store, call.Services.Time, limits.AgentBlobBytes, caller.AgentId, expected, cancellationToken);
        await Quota.CheckAsync(call.Services.Store, call.Services.Time, limits.AgentStoredBytes, caller.AgentId, expected, cancellationToken);
        await Quota.CheckAsync(call.Services.Store, call.Services.Time, limits.RoomStoredBytes, call.RequireRoom().Id, expected, cancellationToken);
        var blob = await call.Services.Blobs.SaveAsync(http.Request.Body, max, cancellationToken);
        await RecordUploadAsync(call, blob, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, blob, ProtocolJsonContext.Default.BlobView, cancellationToken);
    }

    /// <summary>
    /// The uploader holds these bytes, so it may share them (and only it, or readers of a room they were shared into). Every
    /// upload counts against the agent's hourly bytes; new bytes for this agent against what it and the room store.
    /// </summary>
    private static async Task RecordUploadAsync(ActionCall call, BlobView blob, CancellationToken cancellationToken)
    {
        var caller = call.RequireCaller();
        var services = call.Services;
        var limits = services.Options.Limits;
        var known = await services.Store.HasUploadedAsync(caller.AgentId, blob.Hash, cancellationToken);
        await services.Store.WriteAsync(
            async (writer, ct) =>
            {
                await Quota.ChargeAsync(writer, services.Time, limits.AgentBlobBytes, caller.AgentId, blob.Size, ct);
                if (!known)
                {
                    await Quota.ChargeAsync(writer, services.Time, limits.AgentStoredBytes, caller.AgentId, blob.Size, ct);
                    await Quota.ChargeAsync(writer, services.Time, limits.RoomStoredBytes, call.RequireRoom().Id, blob.Size, ct);
                    await writer.AppendAsync(caller.AgentId, caller.Draft(new BlobUploaded(blob.Hash, blob.Size, call.RequireRoom().Id)), ct);
                }

                return blob;
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams a blob to a member of a room it was shared into, hashing as it goes: a blob whose bytes no longer match
    /// its name is refused before the first byte when its size is off, and cut off (the connection aborted) otherwise.
    /// </summary>
    public static async Task DownloadAsync(ActionCall call, CancellationToken cancellationToken)
    {
        var caller = call.RequireCaller();
        var hash = call.RouteValue("blob");
        var posting = BlobBody.IsHash(hash)
            ? await call.Services.Store.FindBlobPostingAsync(caller.AgentId, hash, caller.Token.Room, cancellationToken)
            : null;
        var fact = posting is { } found ? (await call.Services.Store.ReadStreamAsync(found.Room, found.Seq - 1, 1, cancellationToken)).SingleOrDefault() : null;
        if (fact is null)
        {
            throw new HubException(
                ErrorCodes.NotFound,
                $"No blob '{hash}' in your rooms. A blob id is the 64-character hash on a bundle or file line of 'parler recv'; only members of a room it was shared into can read it.");
        }

        var blobs = call.Services.Blobs;
        var file = fact.Type == FactTypes.FilePosted ? fact.Read<FilePosted>() : null;
        var expected = file?.Size ?? fact.Read<BundlePosted>().Size;
        var name = file?.Name ?? hash[..12] + ".bundle";
        if (await blobs.SizeOfAsync(hash, cancellationToken) != expected)
        {
            throw Corrupt(call, hash);
        }

        var http = call.Http;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = expected;
        http.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(name);
        http.Response.Headers["Parler-Room"] = fact.Stream;
        await using var stored = await blobs.OpenReadAsync(hash, cancellationToken);
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlobIntake.BufferBytes + 1);
        try
        {
            long sent = 0;
            while (sent < expected)
            {
                var read = await stored.ReadAsync(buffer.AsMemory(0, BlobIntake.BufferBytes), cancellationToken);
                hasher.AppendData(buffer, 0, read);
                var last = sent + read >= expected;
                // Short, long or altered: the last piece is held back until the whole blob is known to match its name.
                if (read == 0 || sent + read > expected ||
                    (last && (await stored.ReadAsync(buffer.AsMemory(read, 1), cancellationToken) > 0 || Convert.ToHexStringLower(hasher.GetHashAndReset()) != hash)))
                {
                    if (http.Response.HasStarted)
                    {
                        Log.BlobCorrupt(call.Services.Loggers.CreateLogger(typeof(BlobTransfer).FullName!), hash);
                        http.Abort();
                        return;
                    }

                    http.Response.Headers.ContentDisposition = default;
                    http.Response.ContentLength = null;
                    throw Corrupt(call, hash);
                }

                await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                sent += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static HubException Corrupt(ActionCall call, string hash)
    {
        Log.BlobCorrupt(call.Services.Loggers.CreateLogger(typeof(BlobTransfer).FullName!), hash);
        return new(ErrorCodes.BlobCorrupt, $"This hub's copy of blob {hash} is missing or altered; nothing was sent. Ask the sender to push or send it again (hubs on one database keep blobs in it, unless started with --blobs DIR: then they must share that folder).");
    }
}
