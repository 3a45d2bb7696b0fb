using static ProjectHub.Calendar.Tests.Calendars;

namespace ProjectHub.Calendar.Tests;

public class PerformanceTests
{
    [Fact]
    public void Sweeps_allocate_nothing()
    {
        var calendar = Default;
        var start = D("2025-01-01");
        Sweep(calendar, start, 1_000); // JIT and tier-up first

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = Sweep(calendar, start, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotEqual(0, checksum);
        Assert.Equal(0, allocated);
    }

    private static long Sweep(WorkingCalendar calendar, DateOnly start, int items)
    {
        long checksum = 0;
        for (var i = 0; i < items; i++)
        {
            var d = start.AddDays(i % 700);
            var due = calendar.AddWorkingDays(d, (i % 40) - 10);
            checksum += calendar.CountWorkingDays(d, due) + (calendar.IsWorkingDay(due) ? 1 : 0);
        }

        return checksum;
    }
}
