using System.Diagnostics;
using System.Text.Json;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.StartupBench;

/// <summary>
/// The one-shot send: a signed-in identity with a room on a running hub. <c>parler send</c> runs as that identity;
/// curl posts the same signed request (body signed by the same key, same headers, the cached token read from a file,
/// never argv).
/// </summary>
internal sealed class SendTarget(string home, Uri hub, string roomId, string curlHeaders, string scratch)
{
    public string Home => home;

    public Uri Hub => hub;

    public string RoomId => roomId;

    public static async Task<SendTarget> PrepareAsync(string scratch, Uri hub)
    {
        var home = Path.Combine(scratch, "sender");
        var identity = IdentityFile.LoadOrCreate(home, "bench-sender");
        var tokens = new TokenCache(home);
        using var client = new HubClient(hub, identity, tokens, TimeProvider.System);
        var signedIn = await client.SignInAsync(CancellationToken.None);
        var room = await client.CreateRoomAsync("bench", "channel", CancellationToken.None);

        // Headers (the bearer token among them) go to curl in a file, as secrets never go in argv.
        var headers = Path.Combine(scratch, "curl-headers");
        await File.WriteAllTextAsync(headers, $"Authorization: Bearer {signedIn.Token}\nParle-Version: 1\nContent-Type: application/json\n");
        return new SendTarget(home, hub, room.Id, headers, scratch);
    }

    public Dictionary<string, string> Environment => new()
    {
        ["PARLER_HOME"] = home,
        ["PARLER_HUB"] = hub.ToString().TrimEnd('/'),
        ["NO_COLOR"] = "1",
    };

    public ProcessStartInfo Parler(string parler, int n) =>
        Launch.Command(parler, ["send", "--room", roomId, $"bench message {n} from parler"], Environment);

    /// <summary>A curl command posting a freshly signed body for message <paramref name="n"/>.</summary>
    public ProcessStartInfo Curl(int n)
    {
        var identity = IdentityFile.LoadOrCreate(home, "bench-sender");
        var text = $"bench message {n} from curl";
        var nonce = HubClient.NewNonce();
        var request = new PostMessageRequest(text, nonce, HubClient.SignMessage(identity.Key, roomId, text, nonce));
        var body = Path.Combine(scratch, $"curl-body-{n}.json");
        // No byte-order mark: the hub reads the body as JSON, as curl sends it.
        File.WriteAllText(body, JsonSerializer.Serialize(request, ProtocolJsonContext.Default.PostMessageRequest));
        return Launch.Command("curl", [
            "-sS", "--fail", "-o", "/dev/null", "-X", "POST", "-H", $"@{curlHeaders}",
            "-H", $"Idempotency-Key: {HubClient.NewIdempotencyKey()}", "--data-binary", $"@{body}",
            new Uri(hub, $"/v1/rooms/{roomId}/messages").ToString(),
        ], new Dictionary<string, string>());
    }
}
