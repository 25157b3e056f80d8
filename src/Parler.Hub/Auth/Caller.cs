using Parler.Hub.Storage;

namespace Parler.Hub.Auth;

/// <summary>An authenticated request: which agent, acting through which token.</summary>
internal sealed record Caller(string AgentId, TokenRecord Token)
{
    /// <summary>The authority recorded on every fact this caller appends.</summary>
    public string Authority => Token.TokenId;

    public bool IsRoomScoped => Token.Room is not null;

    /// <summary>A fact this caller does on its own behalf, under its token.</summary>
    public FactDraft Draft<T>(T fact)
        where T : IFact<T> =>
        FactDraft.Of(fact, AgentId, AgentId, Authority);
}
