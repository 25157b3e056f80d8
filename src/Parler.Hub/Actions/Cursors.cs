using Parler.Hub.Errors;

namespace Parler.Hub.Actions;

/// <summary>A reader's position in a room: the seq of the last fact it has handled, 0 before the first.</summary>
internal static class Cursors
{
    public static void Check(long seq, long head)
    {
        if (seq < 0 || seq > head)
        {
            throw new HubException(ErrorCodes.BadCursor, $"Cursor {seq} is outside this room (0 to {head}). Use 0 to read from the start or omit it to use your saved cursor.");
        }
    }
}
