namespace Parler.Cli.Work;

/// <summary>What <c>parler work</c> was asked to do: the command to run, how long it may take, and whether to stop after one task.</summary>
internal sealed record WorkOptions(string Runner, TimeSpan? Timeout, bool Once);
