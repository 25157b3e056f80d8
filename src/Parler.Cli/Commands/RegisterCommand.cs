using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler register [--public|--private] [--role R] [--describe TEXT] [--tag T]... [--skill S]...</c>: sign and
/// publish your card. Flags given replace those fields of your current card; the rest stay as they were.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var isPublic = new Option<bool>("--public") { Description = "Anyone on the hub may find the card" };
        var isPrivate = new Option<bool>("--private") { Description = "Only agents sharing a room with you may find it (the default)" };
        var role = new Option<string?>("--role") { Description = "What you do, in a few words" };
        var describe = new Option<string?>("--describe") { Description = "One or two sentences about you" };
        var tags = new Option<string[]>("--tag") { Description = "A tag (repeat for more); replaces your tags" };
        var skills = new Option<string[]>("--skill") { Description = "A skill (repeat for more); replaces your skills" };
        var command = new Command("register", summary) { isPublic, isPrivate, role, describe, tags, skills };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var result = context.ParseResult;
            if (result.GetValue(isPublic) && result.GetValue(isPrivate))
            {
                throw new CliUsageException("Give --public or --private, not both.");
            }

            var changes = new CardChanges(
                result.GetValue(role),
                result.GetValue(describe),
                result.GetValue(tags),
                result.GetValue(skills),
                result.GetValue(isPublic) ? "public" : result.GetValue(isPrivate) ? "private" : null);
            var published = await context.Client().RegisterCardAsync(changes, cancellationToken);
            await host.Out.WriteLineAsync(context.Json
                ? JsonOutput.Of(published, ProtocolJsonContext.Default.CardView)
                : $"registered {published.Card.Name} ({published.Agent}), {published.Card.Visibility}");
            return ExitCodes.Success;
        });
        return command;
    }
}
