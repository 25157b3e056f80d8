using System.IO.Pipelines;

namespace Parler.Hub.Actions;

/// <summary>A connection's transport whose output swaps Kestrel's bare refusals for answers with a problem body.</summary>
internal sealed class RefusalRewritingPipe(IDuplexPipe inner) : IDuplexPipe
{
    public PipeReader Input { get; } = inner.Input;

    public PipeWriter Output { get; } = new RefusalRewritingWriter(inner.Output);
}
