using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace ProjectHub.Bench.Report;

/// <summary>What the figures were measured on. Load average matters: the machine is shared.</summary>
public static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static JsonObject Describe(string python, string interopDir)
    {
        var mem = ReadField("/proc/meminfo", "MemTotal:");
        var memMiB = long.TryParse(mem.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var kb) ? kb / 1024 : 0;
        return new JsonObject
        {
            ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            ["nproc"] = Environment.ProcessorCount,
            ["memory_mib"] = memMiB,
            ["cpu_model"] = ReadField("/proc/cpuinfo", "model name").TrimStart(':', ' '),
            ["os"] = ReadField("/etc/os-release", "PRETTY_NAME=").Trim('"'),
            ["kernel"] = Run("uname", "-r"),
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["grpcio"] = Run(python, "-c", "import grpc; print(grpc.__version__)"),
            ["grpc_js"] = GrpcJsVersion(interopDir),
            ["node"] = Run("node", "--version"),
            ["fsync_ms_median"] = FsyncMedianMs(),
            ["load_average_start"] = LoadAverage(),
        };
    }

    /// <summary>
    /// Median time of 30 fsyncs of a 4 KiB append in the temp folder, where the SQLite files and the private PostgreSQL
    /// live: every committed report and every project of the sweep waits for one, so figures 2 and 3b depend on it.
    /// </summary>
    public static string FsyncMedianMs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"projecthub-bench-fsync-{Guid.NewGuid():N}");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            var block = new byte[4096];
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                file.Write(block);
                var start = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            times.Sort();
            return times[times.Count / 2].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string GrpcJsVersion(string interopDir)
    {
        var package = Path.Combine(interopDir, "node", "node_modules", "@grpc", "grpc-js", "package.json");
        return File.Exists(package) ? JsonNode.Parse(File.ReadAllText(package))?["version"]?.GetValue<string>() ?? "?" : "not installed";
    }

    private static string ReadField(string path, string prefix)
    {
        if (!File.Exists(path))
        {
            return "?";
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? "?" : line[prefix.Length..].Trim();
    }

    public static string Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
