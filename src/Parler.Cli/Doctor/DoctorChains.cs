using Parler.Cli.Commands;
using Parler.Client;

namespace Parler.Cli.Doctor;

/// <summary>
/// The hash chain of each of the caller's rooms as the hub serves them, checked fact by fact with the client's own
/// <see cref="FactCheck"/>: for a hub whose record is not on this machine (the local record gets the hub's whole-record check).
/// </summary>
internal static class DoctorChains
{
    private const int Page = 200;

    public static async Task<DoctorCheck> CheckAsync(CliContext context, CancellationToken cancellationToken)
    {
        var client = context.Client();
        var rooms = await client.ListRoomsAsync(cancellationToken);
        var problems = new List<string>();
        long facts = 0;
        foreach (var room in rooms)
        {
            string? previous = null;
            long after = 0;
            bool more;
            do
            {
                var page = await client.ReadAsync(room.Id, after, null, Page, cancellationToken);
                foreach (var fact in page.Events)
                {
                    facts++;
                    var check = FactCheck.Of(fact, previous);
                    if (!check.Intact && problems.Count < 5)
                    {
                        problems.Add($"'{PeerText.Visible(room.Name)}' #{fact.Seq} {(check.HashValid ? "does not chain to the fact before it" : "does not match its hash (altered)")}");
                    }

                    previous = fact.Hash;
                }

                after = page.Cursor;
                more = page.More;
            }
            while (more);
        }

        return problems.Count == 0
            ? new DoctorCheck("rooms", $"{rooms.Count} room(s), {facts} facts, every hash chain verified", null)
            : new DoctorCheck("rooms", $"the hub serves altered facts: {string.Join("; ", problems)}",
                "tell the hub's operator: its record was changed in place ('parler hub check' on the hub's machine shows every problem)");
    }
}
