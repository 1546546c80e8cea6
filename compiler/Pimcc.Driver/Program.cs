namespace Pimcc.Driver;

public static class Program
{
    public static int Main(string[] args)
    {
        var code = Cli.Run(args, Console.Out, Console.Error, Console.OpenStandardOutput(), !Console.IsOutputRedirected,
            Progress.TerminalProgress.ForStandardError());
        // For benchmarks: the process's own high-water mark, read where it is exact (Linux VmHWM), and its CPU time
        // (user + system, all threads): on a shared machine the figure that does not depend on the other load.
        if (Environment.GetEnvironmentVariable("PIMCC_REPORT_RESOURCES") == "1")
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Console.Error.WriteLine($"pimcc: peak-memory-bytes {self.PeakWorkingSet64}");
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pimcc: cpu-seconds {self.TotalProcessorTime.TotalSeconds:F3}"));
            // The runtime's share: how often the GC ran, how long it paused the program, and what was allocated.
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"pimcc: gc collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), pause-seconds {GC.GetTotalPauseDuration().TotalSeconds:F3}, allocated-bytes {GC.GetTotalAllocatedBytes()}"));
        }
        return code;
    }
}
