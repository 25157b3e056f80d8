using System.Net.Http.Headers;
using System.Text.Json;
using Parler.Client.Blobs;
using Parler.Core.Facts;
using Parler.Core.IO;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>Told how a blob upload or download is going (the CLI draws a progress line on a terminal); null: nobody asks.</summary>
    public Action<BlobTransfer>? Transferred { get; set; }

    /// <summary>
    /// Streams <paramref name="content"/> to the room's blob store, never buffering it; a seekable stream is sent again
    /// once if the token had to be renewed. The answer is the blob's SHA-256 (its id) and size.
    /// </summary>
    public async Task<BlobView> UploadBlobAsync(string roomId, Stream content, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        long? total = content.CanSeek ? content.Length - start : null;
        for (var attempt = 0; ; attempt++)
        {
            using var request = Request(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/blobs", await TokenAsync(attempt > 0, cancellationToken));
            var watched = new ProgressStream(content, Transferred is { } told ? done => told(new BlobTransfer(true, done, total, false)) : null);
            request.Content = new StreamContent(watched, Parler.Core.IO.HashingCopy.BufferBytes);
            // Headers first: a hub that refuses the upload (too large, no room, no quota) answers before any byte is sent,
            // so the refusal arrives whole instead of as a connection reset in the middle of the body.
            request.Headers.ExpectContinue = true;
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (content.CanSeek)
            {
                request.Content.Headers.ContentLength = content.Length - start;
            }

            using var response = await SendStreamingAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await using var answer = await response.Content.ReadAsStreamAsync(cancellationToken);
                var blob = (await JsonSerializer.DeserializeAsync(answer, Out.BlobView, cancellationToken))!;
                Transferred?.Invoke(new BlobTransfer(true, blob.Size, blob.Size, true));
                return blob;
            }

            var failure = await ProblemAsync(response, cancellationToken);
            if (attempt > 0 || !content.CanSeek || failure.Problem?.Action != "reauthorize")
            {
                throw failure;
            }

            content.Position = start;
        }
    }

    /// <summary>
    /// Downloads blob <paramref name="hash"/> to the path <paramref name="target"/> picks from the sender's suggested name,
    /// verifying its SHA-256 while streaming; the file appears only if it matches. Returns the path and size.
    /// </summary>
    public async Task<(string Path, long Size)> DownloadBlobAsync(
        string hash, Func<string?, string> target, bool overwrite, CancellationToken cancellationToken)
    {
        if (!BlobBody.IsHash(hash))
        {
            throw new HandoffException($"'{hash}' is not a blob id: use the 64-character hash shown on a bundle or file line of 'parler recv'.");
        }

        using var response = await RequestBlobAsync(hash, cancellationToken);

        var path = target(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        if (!overwrite && File.Exists(path))
        {
            throw VerifiedFile.Exists(path);
        }

        var total = response.Content.Headers.ContentLength;
        await using var body = new ProgressStream(
            await response.Content.ReadAsStreamAsync(cancellationToken),
            Transferred is { } told ? done => told(new BlobTransfer(false, done, total, false)) : null);
        var size = await VerifiedFile.WriteAsync(body, hash, total, path, overwrite, cancellationToken);
        Transferred?.Invoke(new BlobTransfer(false, size, size, true));
        return (path, size);
    }

    /// <summary>Shares an uploaded bundle into a room, signed as a message of kind 'bundle'.</summary>
    public Task<SharedBlobResponse> PostBundleAsync(
        string roomId, string reference, string tip, string? baseRef, string? note, BlobView blob, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        var nonce = idempotencyKey is null ? NewNonce() : NonceFor(idempotencyKey);
        var body = BlobBody.Bundle(reference, tip, baseRef, note, blob.Size, blob.Hash);
        var request = new PostBundleRequest(reference, tip, blob.Size, blob.Hash, nonce, MessageSignature.Sign(Identity.Key, roomId, BlobBody.BundleKind, body, nonce), baseRef, note);
        return SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/bundles", Json(request, In.PostBundleRequest),
            Out.SharedBlobResponse, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);
    }

    /// <summary>Shares an uploaded file into a room, signed as a message of kind 'file'.</summary>
    public Task<SharedBlobResponse> PostFileAsync(
        string roomId, string name, string mediaType, string? note, BlobView blob, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        var nonce = idempotencyKey is null ? NewNonce() : NonceFor(idempotencyKey);
        var body = BlobBody.File(name, mediaType, note, blob.Size, blob.Hash);
        var request = new PostFileRequest(name, blob.Size, blob.Hash, nonce, MessageSignature.Sign(Identity.Key, roomId, BlobBody.FileKind, body, nonce), mediaType, note);
        return SendAsync(HttpMethod.Post, $"/v1/rooms/{Escape(roomId)}/files", Json(request, In.PostFileRequest),
            Out.SharedBlobResponse, true, idempotencyKey ?? NewIdempotencyKey(), true, cancellationToken);
    }

    /// <summary>Asks for a blob's bytes (headers only so far); signs in again once if the token had expired.</summary>
    private async Task<HttpResponseMessage> RequestBlobAsync(string hash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = Request(HttpMethod.Get, $"/v1/blobs/{hash}", await TokenAsync(attempt > 0, cancellationToken));
            var response = await SendStreamingAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var failure = await ProblemAsync(response, cancellationToken);
                if (attempt > 0 || failure.Problem?.Action != "reauthorize")
                {
                    throw failure;
                }
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Parle-Version", "1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<HttpResponseMessage> SendStreamingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            _reached = true;
            return response;
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            throw Unreachable(ex);
        }
    }
}
