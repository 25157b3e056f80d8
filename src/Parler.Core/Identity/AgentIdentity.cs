namespace Parler.Core.Identity;

/// <summary>Who this agent is: its key (and so its id) and the name it shows to others.</summary>
internal sealed record AgentIdentity(AgentKey Key, string Name)
{
    public string Id => Key.Id;
}
