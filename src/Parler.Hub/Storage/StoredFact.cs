using Parler.Core.Facts;
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
    FactJson Data,
    string Prev,
    string Hash)
{
    public EventView ToView() => new(Seq, Type, At, Actor, Principal, Authority, Data, Prev, Hash, Stream);

    /// <summary>The fact's data as its typed record; asking for another type than the fact's is a bug.</summary>
    public T Read<T>()
        where T : IFact<T> =>
        Type == T.Type ? FactData.Read<T>(Data) : throw new InvalidOperationException($"Fact #{Seq} of {Stream} is {Type}, not {T.Type}.");
}

/// <summary>A fact before the store gives it a sequence number, a time and a hash.</summary>
internal sealed record FactDraft(string Type, string Actor, string Principal, string Authority, FactJson Data)
{
    private string? _text;

    /// <summary>The data's canonical JSON as text, what the store binds: the same bytes the hash covers.</summary>
    public string CanonicalText => _text ??= System.Text.Encoding.UTF8.GetString(Data.Canonical());

    public static FactDraft Of<T>(T fact, string actor, string principal, string authority)
        where T : IFact<T> =>
        new(T.Type, actor, principal, authority, FactData.Write(fact));
}
