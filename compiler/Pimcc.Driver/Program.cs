namespace Pimcc.Driver;

public static class Program
{
    public static int Main(string[] args)
    {
        var code = Cli.Run(args, Console.Out, Console.Error, Console.OpenStandardOutput(), !Console.IsOutputRedirected,
            Progress.TerminalProgress.ForStandardError());
        // For benchmarks: the process's own high-water mark, read where it is exact (Linux VmHWM).
        if (Environment.GetEnvironmentVariable("PIMCC_REPORT_RESOURCES") == "1")
            Console.Error.WriteLine($"pimcc: peak-memory-bytes {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64}");
        return code;
    }
}
