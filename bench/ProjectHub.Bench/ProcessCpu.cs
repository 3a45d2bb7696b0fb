namespace ProjectHub.Bench;

/// <summary>
/// CPU time a process has used (user + system, from /proc/PID/stat, Linux). On a shared machine wall-clock rates move
/// with everyone else's load; CPU time per operation moves much less, so the service figures print both.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc times (USER_HZ, 100 on every Linux this runs on).</summary>
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return double.NaN;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
