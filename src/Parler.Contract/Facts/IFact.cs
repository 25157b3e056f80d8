using System.Text.Json.Serialization.Metadata;

namespace Parler.Contract.Facts;

/// <summary>
/// A fact's data as a typed, past-tense record: its wire type name and its source-generated JSON contract, so the
/// hub writes and every reader reads it under the same names, never by string key.
/// </summary>
internal interface IFact<TSelf>
    where TSelf : IFact<TSelf>
{
    /// <summary>The fact's type name in the log: wire contract, never renamed.</summary>
    static abstract string Type { get; }

    static abstract JsonTypeInfo<TSelf> Json { get; }
}
