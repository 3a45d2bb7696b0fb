namespace ProjectHub.Registry.Persistence;

/// <summary>
/// Strictly increasing ordering key for history rows written within the same millisecond (several audit
/// records can share one instant, and a fake clock in tests often stands still).
/// </summary>
public static class Sequence
{
    private static long _last;

    public static long Next()
    {
        var now = DateTime.UtcNow.Ticks;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
