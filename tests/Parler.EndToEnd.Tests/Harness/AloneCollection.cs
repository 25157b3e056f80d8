namespace Parler.EndToEnd.Tests.Harness;

/// <summary>
/// Tests that load the machine on purpose (the fuzz's thousands of requests) run in this collection: alone, after every
/// parallel test, so their load never stretches another test's deadlines on a small CI machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
