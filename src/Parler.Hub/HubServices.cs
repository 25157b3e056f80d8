using Microsoft.Extensions.Logging;
using Parler.Hub.Actions;
using Parler.Hub.Auth;
using Parler.Hub.Blobs;
using Parler.Hub.Live;
using Parler.Hub.Storage;

namespace Parler.Hub;

/// <summary>What every action needs, created once per hub.</summary>
internal sealed class HubServices(
    IHubStore store, TimeProvider time, HubOptions options, ActionRegistry registry, RoomSignals signals, ILoggerFactory loggers, IBlobStore blobs)
{
    public IHubStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public HubOptions Options { get; } = options;

    public ActionRegistry Registry { get; } = registry;

    public RoomSignals Signals { get; } = signals;

    public TokenService Tokens { get; } = new(time);

    public Authenticator Authenticator { get; } = Listening(new Authenticator(store, time), signals);

    public Presence Presence { get; } = new(time);

    /// <summary>Rooms read for access checks; <see cref="RoomLookups.Changed"/> hears of every commit before its readers wake.</summary>
    public RoomLookups Rooms { get; } = Listening(new RoomLookups(store, time), signals);

    public ILoggerFactory Loggers { get; } = loggers;

    public IBlobStore Blobs { get; } = blobs;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static RoomLookups Listening(RoomLookups rooms, RoomSignals signals)
    {
        signals.Committing += rooms.Changed;
        return rooms;
    }

    private static Authenticator Listening(Authenticator authenticator, RoomSignals signals)
    {
        signals.Committing += authenticator.Tokens.Changed;
        return authenticator;
    }
}
