namespace ProjectHub.Bench;

/// <summary>Where things are and how long to measure. Quick mode keeps the whole run to a few minutes.</summary>
public sealed record BenchOptions(bool Quick, string RepoRoot, string Python, string Node, string Configuration)
{
    public string InteropDir => Path.Combine(RepoRoot, "tests", "interop");

    public TimeSpan Warmup => TimeSpan.FromSeconds(Quick ? 1 : 2);

    public TimeSpan Duration => TimeSpan.FromSeconds(Quick ? 3 : 10);

    public int[] Concurrencies { get; } = [1, 16, 64];

    /// <summary>
    /// Warm-up and measuring time of one service-level load (figures 2 and 5): shorter than the gRPC figure's, as
    /// those figures have many more measurements and their calls are milliseconds, not microseconds.
    /// </summary>
    public TimeSpan ServiceWarmup => TimeSpan.FromSeconds(1);

    public TimeSpan ServiceDuration => TimeSpan.FromSeconds(Quick ? 2 : 5);

    /// <summary>Path of this executable's dll, to start ourselves as a child (`serve-test`, `lights`).</summary>
    public static string SelfDll => Path.Combine(AppContext.BaseDirectory, "ProjectHub.Bench.dll");

    public string HostDll(string project) =>
        Path.Combine(RepoRoot, "services", project, $"ProjectHub.{project}", "bin", Configuration, "net10.0", $"ProjectHub.{project}.dll");
}
