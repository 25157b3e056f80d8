using System.Text.Json.Nodes;
using Parler.Core.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Shouldly;

namespace Parler.Client.Tests;

public sealed class FactCheckTests
{
    private const string Room = "rm_test";
    private static readonly AgentKey Author = AgentKey.Generate();

    [Fact]
    public void Of_SignedChainedFacts_AreIntactAndVerified()
    {
        var facts = Chain(Message("one"), Message("two"));

        var first = FactCheck.Of(facts[0], FactHash.Genesis);
        var second = FactCheck.Of(facts[1], facts[0].Hash);

        first.Intact.ShouldBeTrue();
        second.Intact.ShouldBeTrue();
        second.Trust.ShouldBe(MessageTrust.Verified);
    }

    [Fact]
    public void Of_BodyChangedAfterHashing_IsAlteredAndBadlySigned()
    {
        var fact = Chain(Message("pay alice"))[0];
        var data = JsonNode.Parse(fact.Data.ToString())!.AsObject();
        data["body"] = "pay mallory";
        var tampered = fact with { Data = FactJson.Of(data.ToJsonString()) };

        var check = FactCheck.Of(tampered, FactHash.Genesis);

        check.HashValid.ShouldBeFalse();
        check.Trust.ShouldBe(MessageTrust.BadSignature);
    }

    [Fact]
    public void Of_FactAfterADroppedOne_BreaksTheChain()
    {
        var facts = Chain(Message("one"), Message("two"), Message("three"));

        FactCheck.Of(facts[2], facts[0].Hash).ChainValid.ShouldBeFalse();
    }

    [Fact]
    public void Of_MessageWithoutSignature_IsUnsigned()
    {
        var data = Message("hello");
        data.Remove("signature");

        FactCheck.Of(Chain(data)[0], null).Trust.ShouldBe(MessageTrust.Unsigned);
    }

    [Fact]
    public void Of_MessageSignedForAnotherRoom_IsBadlySigned()
    {
        var data = Message("hello");
        data["signature"] = MessageSignature.Sign(Author, "rm_other", "text", "hello", "nonce-123");

        FactCheck.Of(Chain(data)[0], null).Trust.ShouldBe(MessageTrust.BadSignature);
    }

    private static JsonObject Message(string body) => new()
    {
        ["kind"] = "text",
        ["body"] = body,
        ["nonce"] = "nonce-123",
        ["signature"] = MessageSignature.Sign(Author, Room, "text", body, "nonce-123"),
    };

    private static List<EventView> Chain(params JsonObject[] data)
    {
        var prev = FactHash.Genesis;
        var facts = new List<EventView>();
        for (var i = 0; i < data.Length; i++)
        {
            var seq = i + 1;
            var hash = FactHash.Compute(Room, seq, "message.posted", 1000 + seq, Author.Id, Author.Id, "tok_1", data[i], prev);
            facts.Add(new EventView(seq, "message.posted", 1000 + seq, Author.Id, Author.Id, "tok_1", FactJson.Of(data[i].ToJsonString()), prev, hash, Room));
            prev = hash;
        }

        return facts;
    }
}
