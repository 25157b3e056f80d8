using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Rooms;

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
            throw BlobStore.TooLarge(max);
        }

        // The store counts the bytes and refuses past the limit, so Kestrel's own cap (meant for JSON bodies) is lifted here.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var blob = await call.Services.Blobs.SaveAsync(http.Request.Body, max, cancellationToken);
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, blob, ProtocolJsonContext.Default.BlobView, cancellationToken);
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
        var expected = fact.Data["size"]!.GetValue<long>();
        if (blobs.SizeOf(hash) != expected)
        {
            Log.BlobCorrupt(call.Services.Loggers.CreateLogger(typeof(BlobTransfer).FullName!), hash);
            throw Corrupt(hash);
        }

        var http = call.Http;
        var name = fact.Type == FactTypes.FilePosted ? fact.Data["name"]!.GetValue<string>() : hash[..12] + ".bundle";
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = expected;
        http.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(name);
        http.Response.Headers["Parler-Room"] = fact.Stream;
        await using var file = blobs.OpenRead(hash);
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlobStore.BufferBytes);
        try
        {
            int read;
            while ((read = await file.ReadAsync(buffer.AsMemory(0, BlobStore.BufferBytes), cancellationToken)) > 0)
            {
                hasher.AppendData(buffer, 0, read);
                var last = file.Position == expected;
                if (last && Convert.ToHexStringLower(hasher.GetHashAndReset()) != hash)
                {
                    Log.BlobCorrupt(call.Services.Loggers.CreateLogger(typeof(BlobTransfer).FullName!), hash);
                    if (!http.Response.HasStarted)
                    {
                        http.Response.Headers.ContentDisposition = default;
                        http.Response.ContentLength = null;
                        throw Corrupt(hash);
                    }

                    http.Abort();
                    return;
                }

                await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static HubException Corrupt(string hash) =>
        new(ErrorCodes.BlobCorrupt, $"This hub's copy of blob {hash} is missing or altered; nothing was sent. Ask the sender to push or send it again (hubs on one database must share one --blobs folder).");
}
