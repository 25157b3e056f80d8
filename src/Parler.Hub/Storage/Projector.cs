using System.Text.Json.Nodes;
using Parler.Hub.Rooms;

namespace Parler.Hub.Storage;

/// <summary>Applies one fact to the projections, in the transaction that appends it. Shared by every store.</summary>
internal static class Projector
{
    public static async Task ApplyAsync(StoredFact fact, IProjectionTarget target, CancellationToken cancellationToken)
    {
        var data = fact.Data;
        switch (fact.Type)
        {
            case var type when RoomEvolution.ChangesState(type):
                var before = type == FactTypes.RoomCreated
                    ? null
                    : await target.LoadRoomStateAsync(fact.Stream, cancellationToken);
                var after = RoomEvolution.Evolve(before, fact)!;
                await target.SaveRoomAsync(after, fact.Seq, cancellationToken);
                if (FactTypes.IsMembership(type))
                {
                    await target.SaveMemberAsync(after.Id, after.Members[Text(data, "agent_id")], cancellationToken);
                }
                else if (type == FactTypes.InviteMinted)
                {
                    await target.SaveInviteAsync(Text(data, "code_hash"), Text(data, "invite_id"), after.Id, cancellationToken);
                }

                break;
            case FactTypes.AgentRegistered or FactTypes.AgentRenamed:
                await target.SaveAgentAsync(fact.Stream, Text(data, "name"), cancellationToken);
                break;
            case FactTypes.MemoryRemembered:
                await target.SaveMemoryAsync(
                    new MemoryRecord(fact.Stream, data["key"]?.GetValue<string>(), fact.Actor, fact.At, fact.Seq, Text(data, "text")),
                    cancellationToken);
                break;
            case FactTypes.WorkerRegistered:
                await target.SaveWorkerAsync(Text(data, "queue"), fact.Actor, cancellationToken);
                break;
            case FactTypes.JobEnqueued:
                await target.SaveJobAsync(
                    new JobRecord(Text(data, "job_id"), Text(data, "queue"), Text(data, "text"), fact.Actor, "queued", null, null, null, 0),
                    cancellationToken);
                break;
            case FactTypes.JobLeased or FactTypes.JobCompleted:
                var job = await target.GetJobAsync(Text(data, "job_id"), cancellationToken)
                    ?? throw new InvalidOperationException($"{fact.Type} names an unknown job.");
                await target.SaveJobAsync(
                    fact.Type == FactTypes.JobLeased
                        ? job with { Status = "leased", Worker = Text(data, "worker"), LeaseUntil = data["lease_until"]!.GetValue<long>(), Attempts = job.Attempts + 1 }
                        : job with { Status = Text(data, "status"), Result = data["result"]?.GetValue<string>(), LeaseUntil = null },
                    cancellationToken);
                break;
            case FactTypes.TokenIssued:
                var token = new TokenRecord(
                    Text(data, "token_id"), fact.Stream, data["room"]?.GetValue<string>(), data["expires_at"]!.GetValue<long>(), false);
                await target.SaveTokenAsync(Text(data, "token_hash"), Text(data, "challenge"), token, cancellationToken);
                break;
            case FactTypes.TokenRevoked:
                await target.RevokeTokenAsync(Text(data, "token_id"), cancellationToken);
                break;
            case FactTypes.CursorAdvanced:
                await target.SaveCursorAsync(fact.Stream, Text(data, "room"), data["seq"]!.GetValue<long>(), cancellationToken);
                break;
            case FactTypes.BundlePosted or FactTypes.FilePosted:
                await target.SaveRoomBlobAsync(fact.Stream, Text(data, "hash"), fact.Seq, cancellationToken);
                break;
            case FactTypes.CardPublished:
                await target.SaveCardAsync(fact.Stream, data.ToJsonString(), cancellationToken);
                break;
        }
    }

    private static string Text(JsonObject data, string name) =>
        data[name]?.GetValue<string>() ?? throw new InvalidOperationException($"Fact data lacks '{name}'.");
}
