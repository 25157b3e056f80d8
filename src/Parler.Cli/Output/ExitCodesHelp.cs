using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Parler.Cli.Output;

/// <summary><c>parler --help</c> ends with the exit codes every command uses (<see cref="ExitCodes.Described"/>).</summary>
internal sealed class ExitCodesHelp(HelpAction standard) : SynchronousCommandLineAction
{
    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExitCodesHelp((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        ActionSummary.Resolve(parseResult.RootCommandResult.Command);
        var result = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Parent is null)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            foreach (var (code, meaning) in ExitCodes.Described)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-4} {meaning}"));
            }

            output.WriteLine();
            output.WriteLine("With --json, an error is one line of JSON on stderr: {\"error\":{\"code\",\"message\",\"action\"}}.");
        }

        return result;
    }
}
