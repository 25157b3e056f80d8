using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler card ID</c>: one agent's card, its signature checked here.</summary>
internal static class CardCommand
{
    public static Command Create(CliHost host, string summary)
    {
        var agent = new Argument<string>("id") { Description = "The agent's id (pa..., or 8+ characters of it) or its card's name" };
        var command = new Command("card", summary) { agent };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var client = context.Client();
            var card = await client.GetCardAsync(
                await Parler.Client.Live.IdLookup.CardAsync(client, context.ParseResult.GetValue(agent)!, cancellationToken), cancellationToken);
            if (context.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(card, ProtocolJsonContext.Default.CardView));
                return ExitCodes.Success;
            }

            var fields = card.Card;
            await host.Out.WriteLineAsync($"name:        {EventPrinter.Visible(fields.Name ?? "")}");
            await host.Out.WriteLineAsync($"id:          {card.Agent}");
            await host.Out.WriteLineAsync($"role:        {EventPrinter.Visible(fields.Role ?? "")}");
            await host.Out.WriteLineAsync($"description: {EventPrinter.Visible(fields.Description ?? "")}");
            await host.Out.WriteLineAsync($"tags:        {string.Join(", ", (fields.Tags ?? []).Select(EventPrinter.Visible))}");
            await host.Out.WriteLineAsync($"skills:      {string.Join(", ", (fields.Skills ?? []).Select(EventPrinter.Visible))}");
            await host.Out.WriteLineAsync($"visibility:  {fields.Visibility}");
            await host.Out.WriteLineAsync($"updated_at:  {fields.UpdatedAt}");
            await host.Out.WriteLineAsync($"signature:   {(HubClient.Verify(card) ? "verified" : "INVALID")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
