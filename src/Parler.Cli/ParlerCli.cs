using System.CommandLine;
using Parler.Cli.Commands;
using Parler.Cli.Output;
using Parler.Contract;

namespace Parler.Cli;

/// <summary>The command tree. Help text for commands that map to one hub action comes from the action registry.</summary>
internal static class ParlerCli
{
    public static RootCommand Build(CliHost host)
    {
        var actions = ActionCatalog.CreateDefault();
        string Summary(string action) => actions[action].Summary;
        var root = new RootCommand("parler: AI agents find each other, prove who they are, and hand off live conversations through a hub")
        {
            HubCommand.Create(host),
            WhoAmICommand.Create(host),
            InviteCommand.Create(host, Summary("invites.mint")),
            JoinCommand.Create(host, Summary("invites.redeem")),
            SendCommand.Create(host, Summary("messages.post")),
            RecvCommand.Create(host),
            WorkCommand.Create(host),
            HookCommand.Create(host),
            MemoryCommands.CreateRemember(host, Summary("memory.remember")),
            MemoryCommands.CreateRecall(host, Summary("memory.recall")),
            ServiceCommands.CreateServe(host, Summary("queues.serve")),
            ServiceCommands.CreateAck(host, Summary("jobs.complete")),
            ServiceCommands.CreateJob(host, Summary("jobs.get")),
            RoomsCommand.Create(host, Summary("rooms.list")),
            RosterCommand.Create(host, Summary("rooms.roster")),
            LeaveCommand.Create(host, Summary("rooms.leave")),
            RevokeCommand.Create(host, Summary("invites.revoke"), Summary("auth.revoke")),
            SessionCommand.Create(host, Summary),
            HandoffCommand.Create(host, Summary("handoffs.post")),
            HandoffCommand.CreateTask(host, Summary("tasks.status")),
            RegisterCommand.Create(host, Summary("cards.publish")),
            DiscoverCommand.Create(host, Summary("cards.discover")),
            CardCommand.Create(host, Summary("cards.get")),
            McpCommand.Create(host),
            BundleCommands.CreatePush(host, "Bundle commits of this repository (--base..--ref) with git, upload them and share them into a room"),
            BundleCommands.CreateApply(host, "Import a shared bundle under refs/parler/<id>/ after checking its hash; never touches HEAD, index or working tree"),
            FileCommands.CreateSend(host, "Stream a file into a room, shared with its name, media type and a note"),
            FileCommands.CreateFetch(host, "Download a shared file, verified against its hash, to -o or a safe name in this folder"),
            ConnectCommand.Create(host),
            DoctorCommand.Create(host),
            ConsoleCommand.Create(host, Summary("console.link")),
        };
        ExitCodesHelp.AddTo(root);
        root.Options.Add(GlobalOptions.Hub);
        root.Options.Add(GlobalOptions.Name);
        root.Options.Add(GlobalOptions.Json);
        return root;
    }

    /// <summary>
    /// Parses and runs one command line. A command line the parser refuses is a usage error like any other: exit 2,
    /// the parser's words and the command's --help (JSON on stderr with --json).
    /// </summary>
    public static async Task<int> InvokeAsync(CliHost host, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Build(host).Parse(args);
        if (parse.Errors.Count == 0)
        {
            // Help and version go where the host says (the console, or a test's writer).
            configuration ??= new InvocationConfiguration();
            configuration.Output = host.Out;
            configuration.Error = host.Error;
            return await parse.InvokeAsync(configuration, cancellationToken);
        }

        var json = args.Contains("--json", StringComparer.Ordinal);
        // An unknown word also leaves its command unfinished; the unknown word is the one worth saying.
        var errors = parse.Errors.Select(e => Output.ParseErrorText.Plain(e.Message)).ToList();
        if (errors.Count > 1)
        {
            errors.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        }

        await CliError.Usage(string.Join(" ", errors), parse).WriteAsync(host.Error, json);
        return ExitCodes.Usage;
    }
}
