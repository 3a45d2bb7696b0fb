using ProjectHub.Registry.Domain.Progress;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Progress;

public class ReportCadenceTests
{
    [Theory]
    [InlineData("2024-12-30", "2024-12-30", "2025-01-05", "2025-W01")] // Monday, in ISO week 1 of 2025
    [InlineData("2025-01-01", "2024-12-30", "2025-01-05", "2025-W01")] // Wednesday
    [InlineData("2025-01-05", "2024-12-30", "2025-01-05", "2025-W01")] // Sunday closes the week
    [InlineData("2025-01-06", "2025-01-06", "2025-01-12", "2025-W02")]
    [InlineData("2026-12-31", "2026-12-28", "2027-01-03", "2026-W53")]
    public void Weeks_run_Monday_to_Sunday_with_ISO_names(string day, string start, string end, string name)
    {
        var period = ReportCadence.Weekly.PeriodContaining(D(day));
        Assert.Equal(new ReportPeriod(D(start), D(end)), period);
        Assert.Equal(name, ReportCadence.Weekly.Name(period));
    }

    [Fact]
    public void Months_are_calendar_months()
    {
        var period = ReportCadence.Monthly.PeriodContaining(D("2024-02-15"));
        Assert.Equal(new ReportPeriod(D("2024-02-01"), D("2024-02-29")), period);
        Assert.Equal("2024-02", ReportCadence.Monthly.Name(period));
    }

    [Fact]
    public void Only_whole_periods_are_periods()
    {
        Assert.True(ReportCadence.Weekly.IsPeriod(new ReportPeriod(D("2025-03-03"), D("2025-03-09"))));
        Assert.False(ReportCadence.Weekly.IsPeriod(new ReportPeriod(D("2025-03-04"), D("2025-03-10"))));
        Assert.False(ReportCadence.Monthly.IsPeriod(new ReportPeriod(D("2025-03-03"), D("2025-03-09"))));
    }
}
