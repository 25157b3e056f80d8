using Parler.Contract;
using Parler.Contract.Actions;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Features;

namespace Parler.Hub.Tests.Actions;

public sealed class ActionRegistryTests
{
    [Fact]
    public void Catalog_JobsLease_IsDeclaredAWriteWithoutIdempotencyKey()
    {
        var lease = ActionCatalog.CreateDefault()["jobs.lease"];

        lease.Writes.ShouldBeTrue();
        lease.ReadOnly.ShouldBeFalse();
        lease.IdempotencyKey.ShouldBeFalse();
    }

    [Fact]
    public void Reading_ContractDeclaredAWrite_Refused()
    {
        var lease = ActionCatalog.CreateDefault()["jobs.lease"];
        var context = ProtocolJsonContext.Default;

        Should.Throw<InvalidOperationException>(() => ActionDefinition.Reading(
            lease, context.LeaseRequest, context.LeaseResponse, (_, _, _) => Task.FromResult(new LeaseResponse("q", null))));
    }

    [Fact]
    public void WritingOwnWrites_ContractDeclaredARead_Refused()
    {
        var get = ActionCatalog.CreateDefault()["jobs.get"];
        var context = ProtocolJsonContext.Default;

        Should.Throw<InvalidOperationException>(() => ActionDefinition.WritingOwnWrites(
            get, context.EmptyRequest, context.JobView, (_, _, _) => Task.FromResult<JobView>(null!)));
    }

    [Fact]
    public void Catalog_EveryActionWithAKey_Writes()
    {
        ActionCatalog.CreateDefault().Actions.Where(a => a.IdempotencyKey && !a.Writes).ShouldBeEmpty();
    }

    [Fact]
    public void Catalog_KeyedActionAnsweringACodeOrALink_KeepsItsAnswerSealed()
    {
        string[] secretFields = ["code", "token", "path"];
        var keeping = ActionCatalog.CreateDefault().Actions
            .Where(a => a.IdempotencyKey && a.Output is { } output && output.Properties.Any(p => secretFields.Contains(p.Name)))
            .ToList();

        keeping.Select(a => a.Name).ShouldBe(["invites.mint", "console.link", "viewers.create"], ignoreOrder: true);
        keeping.ShouldAllBe(a => a.SecretAnswer);
    }

    [Fact]
    public void Registry_Default_HandlesEveryContractInTheCatalogsOrder()
    {
        HubFeatures.CreateRegistry().Actions.Select(a => a.Contract)
            .ShouldBe(ActionCatalog.CreateDefault().Actions);
    }

    [Fact]
    public void Registry_ContractWithoutHandler_Refuses()
    {
        var catalog = new ActionCatalog([HubContract.Info, HubContract.LlmsText]);

        var error = Should.Throw<InvalidOperationException>(() => new ActionRegistry(
            catalog, [ActionDefinition.Streaming(HubContract.LlmsText, (_, _, _) => Task.CompletedTask)]));

        error.Message.ShouldContain("hub.info");
    }

    [Fact]
    public void Writing_OtherInputThanDeclared_Refuses()
    {
        var context = ProtocolJsonContext.Default;

        Should.Throw<InvalidOperationException>(() => ActionDefinition.Writing(
            MessageContract.Post, context.AckRequest, context.PostMessageResponse,
            (_, _, _, _) => Task.FromResult<PostMessageResponse>(null!)));
    }

    [Fact]
    public void Reading_ActionThatTakesAKey_Refuses()
    {
        var context = ProtocolJsonContext.Default;

        Should.Throw<InvalidOperationException>(() => ActionDefinition.Reading(
            MessageContract.Post, context.PostMessageRequest, context.PostMessageResponse,
            (_, _, _) => Task.FromResult<PostMessageResponse>(null!)));
    }
}
