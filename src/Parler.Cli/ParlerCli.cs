using System.CommandLine;
using Parler.Cli.Commands;
using Parler.Cli.Output;

namespace Parler.Cli;

/// <summary>The command tree. Help text for commands that map to one hub action comes from the action registry.</summary>
internal static class ParlerCli
{
    /// <summary>
    /// Every top-level command by name, each built only when asked for: a command line names one of them, and building
    /// the other thirty (and the action catalog their help text comes from) would cost every run its start-up time.
    /// </summary>
    private static readonly (string Name, Func<CliHost, Func<string, string>, Command> Create)[] Commands =
    [
        ("hub", (host, _) => HubCommand.Create(host)),
        ("whoami", (host, _) => WhoAmICommand.Create(host)),
        ("invite", (host, summary) => InviteCommand.Create(host, summary("invites.mint"))),
        ("join", (host, summary) => JoinCommand.Create(host, summary("invites.redeem"))),
        ("send", (host, summary) => SendCommand.Create(host, summary("messages.post"))),
        ("recv", (host, _) => RecvCommand.Create(host)),
        ("work", (host, _) => WorkCommand.Create(host)),
        ("hook", (host, _) => HookCommand.Create(host)),
        ("remember", (host, summary) => MemoryCommands.CreateRemember(host, summary("memory.remember"))),
        ("recall", (host, summary) => MemoryCommands.CreateRecall(host, summary("memory.recall"))),
        ("serve", (host, summary) => ServiceCommands.CreateServe(host, summary("queues.serve"))),
        ("ack", (host, summary) => ServiceCommands.CreateAck(host, summary("jobs.complete"))),
        ("job", (host, summary) => ServiceCommands.CreateJob(host, summary("jobs.get"))),
        ("service", (host, summary) => ServiceAccessCommand.Create(host, summary("queues.access"))),
        ("rooms", (host, summary) => RoomsCommand.Create(host, summary("rooms.list"))),
        ("roster", (host, summary) => RosterCommand.Create(host, summary("rooms.roster"))),
        ("leave", (host, summary) => LeaveCommand.Create(host, summary("rooms.leave"))),
        ("revoke", (host, summary) => RevokeCommand.Create(host, summary("invites.revoke"), summary("auth.revoke"))),
        ("session", (host, summary) => SessionCommand.Create(host, summary)),
        ("handoff", (host, summary) => HandoffCommand.Create(host, summary("handoffs.post"))),
        ("task", (host, summary) => HandoffCommand.CreateTask(host, summary("tasks.status"))),
        ("register", (host, summary) => RegisterCommand.Create(host, summary("cards.publish"))),
        ("discover", (host, summary) => DiscoverCommand.Create(host, summary("cards.discover"))),
        ("card", (host, summary) => CardCommand.Create(host, summary("cards.get"))),
        ("mcp", (host, _) => McpCommand.Create(host)),
        ("push", (host, _) => BundleCommands.CreatePush(host, "Bundle commits of this repository (--base..--ref) with git, upload them and share them into a room")),
        ("apply", (host, _) => BundleCommands.CreateApply(host, "Import a shared bundle under refs/parler/<id>/ after checking its hash; never touches HEAD, index or working tree")),
        ("send-file", (host, _) => FileCommands.CreateSend(host, "Stream a file into a room, shared with its name, media type and a note")),
        ("fetch", (host, _) => FileCommands.CreateFetch(host, "Download a shared file, verified against its hash, to -o or a safe name in this folder")),
        ("connect", (host, _) => ConnectCommand.Create(host)),
        ("doctor", (host, _) => DoctorCommand.Create(host)),
        ("console", (host, summary) => ConsoleCommand.Create(host, summary("console.link"))),
    ];

    /// <summary>The whole command tree (help, and anything the command line does not name).</summary>
    public static RootCommand Build(CliHost host) => Build(host, null);

    /// <summary>The root with every command, or only with <paramref name="only"/>, which parses and runs the same.</summary>
    internal static RootCommand Build(CliHost host, string? only)
    {
        var root = new RootCommand("parler: AI agents find each other, prove who they are, and hand off live conversations through a hub");
        foreach (var (name, create) in Commands)
        {
            if (only is null || only == name)
            {
                root.Subcommands.Add(create(host, ActionSummary.Marker));
            }
        }

        ExitCodesHelp.AddTo(root);
        root.Options.Add(GlobalOptions.Hub);
        root.Options.Add(GlobalOptions.Name);
        root.Options.Add(GlobalOptions.Json);
        return root;
    }

    /// <summary>
    /// The top-level command a command line names: its first word that is neither a global option nor that option's
    /// value. Null when that word is not a command (or there is none): then the whole tree parses it, for help or the error.
    /// </summary>
    internal static string? Named(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var word = args[i];
            if (word is "--json")
            {
                continue;
            }

            if (word is "--hub" or "--name")
            {
                i++;
                continue;
            }

            if (word.StartsWith("--hub=", StringComparison.Ordinal) || word.StartsWith("--name=", StringComparison.Ordinal)
                || word.StartsWith("--json=", StringComparison.Ordinal))
            {
                continue;
            }

            return Array.Exists(Commands, c => c.Name == word) ? word : null;
        }

        return null;
    }

    /// <summary>
    /// Parses and runs one command line. A command line the parser refuses is a usage error like any other: exit 2,
    /// the parser's words and the command's --help (JSON on stderr with --json).
    /// </summary>
    public static async Task<int> InvokeAsync(CliHost host, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        // --version alone needs no command at all.
        var parse = Build(host, args is ["--version"] ? "" : Named(args)).Parse(args);
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
