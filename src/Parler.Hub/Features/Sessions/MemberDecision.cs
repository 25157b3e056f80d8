namespace Parler.Hub.Features.Sessions;

/// <summary>requests.approve, requests.deny or members.remove: the caller (the room's owner) names an agent by id, id prefix or name.</summary>
internal sealed record MemberDecision(string Caller, string Reference);
