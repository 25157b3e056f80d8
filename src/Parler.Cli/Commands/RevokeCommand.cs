using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary><c>parler revoke invite --room R CODE</c> and <c>parler revoke token [ID]</c>.</summary>
internal static class RevokeCommand
{
    public static Command Create(CliHost host, string inviteSummary, string tokenSummary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var code = new Argument<string>("invite") { Description = "The invite's code or id" };
        var invite = new Command("invite", inviteSummary) { room, code };
        invite.Handle(host, async (context, cancellationToken) =>
        {
            var revoked = await context.Client().RevokeInviteAsync(
                context.ParseResult.GetValue(room)!, context.ParseResult.GetValue(code)!, cancellationToken);
            await host.Out.WriteLineAsync($"revoked invite {revoked.InviteId}");
            return ExitCodes.Success;
        });

        var tokenId = new Argument<string?>("token-id") { Description = "A token id (tok_...) or its first 8+ characters; default: the one this identity uses", Arity = ArgumentArity.ZeroOrOne };
        var token = new Command("token", tokenSummary) { tokenId };
        token.Handle(host, async (context, cancellationToken) =>
        {
            var revoked = await context.Client().RevokeTokenAsync(context.ParseResult.GetValue(tokenId), cancellationToken);
            await host.Out.WriteLineAsync($"revoked token {revoked.TokenId}");
            return ExitCodes.Success;
        });
        return new Command("revoke", "Revoke an invite, a token or a viewer link") { invite, token, ViewerCommands.Revoke(host) };
    }
}
