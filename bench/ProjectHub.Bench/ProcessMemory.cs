namespace ProjectHub.Bench;

/// <summary>Resident memory of a process from /proc (Linux), in MiB.</summary>
public static class ProcessMemory
{
    public static double RssMiB(int pid) => Field(pid, "VmRSS:");

    public static double PeakRssMiB(int pid) => Field(pid, "VmHWM:");

    private static double Field(int pid, string name)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        var kb = line?[name.Length..].Trim().Split(' ')[0];
        return long.TryParse(kb, out var value) ? value / 1024.0 : double.NaN;
    }
}
