using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Features.Memory;

/// <summary>memory.remember decided with no I/O: an active member's shared note, or anyone's private one, is remembered under its trimmed key.</summary>
internal static class MemoryDecider
{
    public static Decision<MemoryRemembered> Decide(RememberState state, RememberNote command)
    {
        if (command.Shared && state.Room?.ActiveMember(command.Author) is null)
        {
            return Decision<MemoryRemembered>.Refuse(ErrorCodes.RoomNotFound, RoomAccess.NotFoundDetail);
        }

        return Decision<MemoryRemembered>.Append(new MemoryRemembered(command.Text, command.Key?.Trim()));
    }
}
