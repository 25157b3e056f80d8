using System.Text.Json.Nodes;
using Parler.Core.Protocol;

namespace Parler.Hub.Storage;

/// <summary>One appended fact: its place in its stream, who did it on whose behalf with what authority, and its chain link.</summary>
internal sealed record StoredFact(
    string Stream,
    long Seq,
    string Type,
    long At,
    string Actor,
    string Principal,
    string Authority,
    JsonObject Data,
    string Prev,
    string Hash)
{
    public EventView ToView() => new(Seq, Type, At, Actor, Principal, Authority, Data, Prev, Hash, Stream);
}

/// <summary>A fact before the store gives it a sequence number, a time and a hash.</summary>
internal sealed record FactDraft(string Type, string Actor, string Principal, string Authority, JsonObject Data);
