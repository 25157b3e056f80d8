using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Parler.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace Parler.EndToEnd.Tests;

/// <summary>A blob far larger than any memory budget streams through client and hub; both stay small.</summary>
public sealed partial class LargeBlobTests(HubFixture fixture, ITestOutputHelper output) : IClassFixture<HubFixture>
{
    private const long Size = 1L << 30;
    private const long BudgetBytes = 256L << 20;
    private const int Chunk = 1 << 20;

    [Fact]
    public async Task SendFileFetch_OneGibibyteGenerated_StreamsWithPeakMemoryFarBelowItsSize()
    {
        var team = await fixture.TeamAsync();
        var clock = Stopwatch.StartNew();
        await using var sender = team.Alice.StartWithInput("send-file", "--room", "team", "-", "--name", "big.bin");
        var expected = await GenerateAsync(sender.Input);
        var senderPeak = PeakBytes(sender.Id);
        sender.Input.Close();
        (await sender.WaitForExitAsync(ParlerCli.CommandTimeout)).ShouldBe(0, sender.Transcript());
        var uploaded = clock.Elapsed;
        var blob = BlobId().Match(string.Join('\n', sender.Output)).Value;
        blob.ShouldBe(expected, sender.Transcript());

        var folder = Directory.CreateDirectory(fixture.ScratchPath("large")).FullName;
        var (fetched, fetcherPeakKib) = await team.Bob.RunMeasuredAsync(folder, "fetch", blob);
        fetched.ExitCode.ShouldBe(0, fetched.ToString());
        new FileInfo(Path.Combine(folder, "big.bin")).Length.ShouldBe(Size);
        var hubPeak = PeakBytes(fixture.Hub.Process.Id);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"1 GiB: upload {uploaded.TotalSeconds:0.0} s, download {(clock.Elapsed - uploaded).TotalSeconds:0.0} s; peak RSS sender {senderPeak >> 20} MiB, fetcher {fetcherPeakKib >> 10} MiB, hub {hubPeak >> 20} MiB"));

        senderPeak.ShouldBeLessThan(BudgetBytes);
        (fetcherPeakKib * 1024).ShouldBeLessThan(BudgetBytes);
        hubPeak.ShouldBeLessThan(BudgetBytes);
    }

    /// <summary>Writes <see cref="Size"/> bytes, one mebibyte at a time (each numbered, so none repeats), and returns their SHA-256.</summary>
    private static async Task<string> GenerateAsync(Stream input)
    {
        var chunk = new byte[Chunk];
        new Random(42).NextBytes(chunk);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long i = 0; i < Size / Chunk; i++)
        {
            BitConverter.TryWriteBytes(chunk, i).ShouldBeTrue();
            hash.AppendData(chunk);
            await input.WriteAsync(chunk);
        }

        await input.FlushAsync();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The process's peak resident memory so far (VmHWM), in bytes.</summary>
    private static long PeakBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("(?<=blob )[0-9a-f]{64}")]
    private static partial Regex BlobId();
}
