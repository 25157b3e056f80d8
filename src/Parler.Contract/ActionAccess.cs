namespace Parler.Contract;

/// <summary>Who may call an action.</summary>
internal enum ActionAccess
{
    /// <summary>No token needed.</summary>
    Anyone,

    /// <summary>Any authenticated agent.</summary>
    Agent,

    /// <summary>An active member of the room in the route.</summary>
    Member,

    /// <summary>The owner of the room in the route.</summary>
    Owner,
}
