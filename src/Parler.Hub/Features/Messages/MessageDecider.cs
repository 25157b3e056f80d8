using Parler.Hub.Actions;
using Parler.Hub.Errors;

namespace Parler.Hub.Features.Messages;

/// <summary>messages.post decided with no I/O: an active member's post whose nonce the room does not hold yet is posted.</summary>
internal static class MessageDecider
{
    public static Decision<MessagePosted> Decide(PostState state, PostMessage command)
    {
        if (state.Room.ActiveMember(command.Author) is null)
        {
            return Decision<MessagePosted>.Refuse(ErrorCodes.RoomNotFound, RoomAccess.NotFoundDetail);
        }

        return state.NonceSeen
            ? new(null, SignedPost.Replayed)
            : Decision<MessagePosted>.Append(new MessagePosted(command.Kind, command.Body, command.Nonce, command.Signature));
    }
}
