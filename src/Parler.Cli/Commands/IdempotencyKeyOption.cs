using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>--idempotency-key KEY</c> on the write verbs: run the same command again with the same key (after a timeout, a lost
/// answer, a killed shell) and the hub answers the first result instead of acting twice. Signed posts derive their nonce
/// from the key, so the retry carries the same signed body.
/// </summary>
internal static class IdempotencyKeyOption
{
    public const int MaxChars = 255;

    public static Option<string?> Create() => new("--idempotency-key")
    {
        Description = "Retry safely: the same key (up to 255 characters, a UUID is best) makes a repeat of this command land once",
    };

    /// <summary>The key given, checked, or a fresh one for this run.</summary>
    public static string Value(CliContext cli, Option<string?> option)
    {
        var key = cli.ParseResult.GetValue(option);
        if (key is null)
        {
            return Parler.Client.HubClient.NewIdempotencyKey();
        }

        return key.Length is 0 or > MaxChars || key.Any(c => c is < '!' or > '~')
            ? throw new CliUsageException($"--idempotency-key is 1-{MaxChars} visible ASCII characters without spaces, like a UUID.")
            : key;
    }
}
