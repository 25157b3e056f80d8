using System.CommandLine;
using System.Globalization;
using Parler.Hub.Limits;

namespace Parler.Cli.Commands;

/// <summary>
/// One <c>parler hub</c> flag per quota, each with its PARLER_HUB_* twin (the flag wins); 0 turns a quota off. The defaults
/// and the reason for each are in <see cref="HubLimits"/> and docs/limits.md.
/// </summary>
internal sealed class HubLimitOptions
{
    private readonly List<(Option<long?> Option, string Variable, Func<HubLimits, long, HubLimits> Set)> _all = [];

    public HubLimitOptions()
    {
        Add("--max-posts-per-agent", "Signed posts per minute by one agent", (l, v) => l with { MessagesPerAgentPerMinute = v });
        Add("--max-posts-per-room", "Signed posts per minute into one room", (l, v) => l with { MessagesPerRoomPerMinute = v });
        Add("--max-sign-ins-per-agent", "Sign-ins per hour by one agent", (l, v) => l with { SignInsPerAgentPerHour = v });
        Add("--max-sign-ins-per-address", "Sign-ins per hour from one address", (l, v) => l with { SignInsPerAddressPerHour = v });
        Add("--max-bad-invites-per-agent", "Wrong invite codes per 10 minutes from one agent", (l, v) => l with { FailedInvitesPerAgent = v });
        Add("--max-bad-invites-per-address", "Wrong invite codes per 10 minutes from one address", (l, v) => l with { FailedInvitesPerAddress = v });
        Add("--max-bad-invites-per-room", "Dead invite codes of one room tried per 10 minutes", (l, v) => l with { FailedInvitesPerRoom = v });
        Add("--max-blob-bytes-per-hour", "Blob bytes one agent uploads per hour", (l, v) => l with { BlobBytesPerAgentPerHour = v });
        Add("--max-stored-bytes-per-agent", "Blob bytes one agent stores", (l, v) => l with { StoredBlobBytesPerAgent = v });
        Add("--max-stored-bytes-per-room", "Blob bytes stored through one room", (l, v) => l with { StoredBlobBytesPerRoom = v });
        Add("--max-rooms-per-agent", "Rooms one agent creates", (l, v) => l with { RoomsOwnedPerAgent = v });
        Add("--max-tokens-per-agent", "Live tokens one agent holds; a sign-in past it revokes the one that expires first", (l, v) => l with { ActiveTokensPerAgent = v });
    }

    public IEnumerable<Option> Options => _all.Select(o => (Option)o.Option);

    public HubLimits Read(CliContext context)
    {
        var limits = new HubLimits();
        foreach (var (option, variable, set) in _all)
        {
            var value = context.ParseResult.GetValue(option) ?? FromEnvironment(context.Host, variable);
            if (value is { } given)
            {
                limits = given >= 0 ? set(limits, given) : throw new CliUsageException($"{option.Name} (or {variable}) is a count of 0 or more; 0 turns it off.");
            }
        }

        return limits;
    }

    private static long? FromEnvironment(CliHost host, string variable) =>
        host.Environment(variable) is not { Length: > 0 } text ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new CliUsageException($"{variable}='{text}' is not a whole number.");

    private void Add(string name, string description, Func<HubLimits, long, HubLimits> set)
    {
        var variable = "PARLER_HUB_" + name[2..].Replace('-', '_').ToUpperInvariant();
        _all.Add((new Option<long?>(name) { Description = $"{description} (0: no limit; env {variable})" }, variable, set));
    }
}
