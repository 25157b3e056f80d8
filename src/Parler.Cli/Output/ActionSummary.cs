using System.CommandLine;
using System.Text;
using Parler.Contract;

namespace Parler.Cli.Output;

/// <summary>
/// A command's help text from its hub action's summary, put in only when help is shown: the action catalog behind
/// it builds every contract's JSON metadata, which would cost each one-shot command several milliseconds of start-up.
/// Commands are built with a marker naming the action; <see cref="Resolve"/> replaces the markers before help prints.
/// </summary>
internal static class ActionSummary
{
    private const char Delimiter = '\u0001';

    /// <summary>A placeholder for the summary of <paramref name="action"/>, replaced by <see cref="Resolve"/>.</summary>
    public static string Marker(string action) => $"{Delimiter}{action}{Delimiter}";

    /// <summary>Puts each action's summary in place of its marker, in this command and every command below it.</summary>
    public static void Resolve(Command command)
    {
        if (command.Description is { } description && description.Contains(Delimiter, StringComparison.Ordinal))
        {
            command.Description = Expand(description);
        }

        foreach (var subcommand in command.Subcommands)
        {
            Resolve(subcommand);
        }
    }

    private static string Expand(string description)
    {
        var text = new StringBuilder();
        var parts = description.Split(Delimiter);
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts lie between two delimiters: action names.
            text.Append(i % 2 == 1 ? ActionCatalog.CreateDefault()[parts[i]].Summary : parts[i]);
        }

        return text.ToString();
    }
}
