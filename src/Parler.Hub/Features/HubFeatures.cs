using Parler.Hub.Actions;
using Parler.Hub.Features.Auth;
using Parler.Hub.Features.Blobs;
using Parler.Hub.Features.Cards;
using Parler.Hub.Features.Handoffs;
using Parler.Hub.Features.HubInfo;
using Parler.Hub.Features.Invites;
using Parler.Hub.Features.Memory;
using Parler.Hub.Features.Messages;
using Parler.Hub.Features.Queues;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Features.Sessions;
using Parler.Hub.WebConsole;

namespace Parler.Hub.Features;

/// <summary>
/// The hub's features, each a folder beside this file: their handlers joined to the contract's actions. The one place
/// that names every feature, so the pipeline in <c>Actions/</c> depends on none of them.
/// </summary>
internal static class HubFeatures
{
    public static ActionRegistry CreateRegistry() => new(
        ActionCatalog.CreateDefault(),
        [
            .. HubActions.Declare(),
            .. AuthActions.Declare(),
            .. RoomActions.Declare(),
            .. InviteActions.Declare(),
            .. MessageActions.Declare(),
            .. MemoryActions.Declare(),
            .. QueueActions.Declare(),
            .. SessionActions.Declare(),
            .. HandoffActions.Declare(),
            .. CardActions.Declare(),
            .. DmActions.Declare(),
            .. BlobActions.Declare(),
            .. ConsoleActions.Declare(),
        ]);
}
