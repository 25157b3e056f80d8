using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler discover [QUERY] [--tag T] [--skill S] [--public]</c>: cards you may see, each signature checked here.</summary>
internal static class DiscoverCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var query = new Argument<string?>("query") { Description = "Text to find in names and descriptions", Arity = ArgumentArity.ZeroOrOne };
        var tag = new Option<string?>("--tag") { Description = "Only cards with this tag" };
        var skill = new Option<string?>("--skill") { Description = "Only cards with this skill" };
        var onlyPublic = new Option<bool>("--public") { Description = "Only public cards" };
        var online = new Option<bool>("--online") { Description = "Only agents online now (an open stream or a call in the last 2 minutes)" };
        var command = new Command("discover", summary) { query, tag, skill, onlyPublic, online };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var result = context.ParseResult;
            var filter = new DiscoverCardsRequest(
                result.GetValue(query), result.GetValue(tag), result.GetValue(skill), result.GetValue(onlyPublic), result.GetValue(online));
            var cards = await context.Client().DiscoverAsync(filter, cancellationToken);
            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new CardListResponse(cards), ProtocolJsonContext.Default.CardListResponse));
                return ExitCodes.Success;
            }

            if (cards.Count == 0)
            {
                await host.Error.WriteLineAsync("no cards match: 'parler register --public ...' publishes yours");
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync($"{"NAME",-20} {"AGENT",-60} {"SHOWN",-7} {"CARD",-8} {"STATUS",-7} [TAGS] DESCRIPTION");
            foreach (var card in cards)
            {
                await host.Out.WriteLineAsync(Line(card));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static string Line(CardView card) =>
        $"{EventPrinter.Visible(card.Card.Name ?? ""),-20} {card.Agent} {card.Card.Visibility,-7} " +
        $"{(HubClient.Verify(card) ? "verified" : "INVALID"),-8} {(card.Presence?.Online == true ? "online" : "offline"),-7} [{string.Join(", ", (card.Card.Tags ?? []).Select(EventPrinter.Visible))}] " +
        EventPrinter.Visible(card.Card.Description ?? "");
}
