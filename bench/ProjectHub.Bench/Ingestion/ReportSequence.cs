using ReportCadence = ProjectHub.Registry.Domain.Progress.ReportCadence;
using ProjectHub.Registry.V1;
using RegistryDecimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Bench.Ingestion;

/// <summary>
/// An endless-enough supply of distinct reports: report i is for project i mod N and week i div N since the
/// projects' common planned start, so every submission is a new period of its project (a real insert, version 1),
/// and each project's weeks arrive in order. Thread-safe.
/// </summary>
public sealed class ReportSequence(IReadOnlyList<string> projectIds, DateOnly firstMonday, DateOnly today)
{
    private long _next = -1;

    /// <summary>How many distinct reports exist before the weeks reach today.</summary>
    public long Capacity => projectIds.Count * (long)((today.DayNumber - firstMonday.DayNumber) / 7 + 1);

    public long Issued => Math.Min(Interlocked.Read(ref _next) + 1, Capacity);

    public SubmitProgressReportRequest Next()
    {
        var i = Interlocked.Increment(ref _next);
        if (i >= Capacity)
        {
            throw new InvalidOperationException($"all {Capacity} distinct reports were used; seed more projects");
        }

        var week = (int)(i / projectIds.Count);
        var period = ReportCadence.Weekly.PeriodContaining(firstMonday.AddDays(7 * week));
        var percent = Math.Min(100m, week * 0.9m);
        return new SubmitProgressReportRequest
        {
            Report = new ProgressReport
            {
                ProjectId = projectIds[(int)(i % projectIds.Count)],
                PeriodStart = Iso(period.Start),
                PeriodEnd = Iso(period.End),
                CumulativePercent = Dec(percent),
                PeriodInvestment = Dec(50m),
                CumulativeInvestment = Dec(50m * (week + 1)),
                Workers = 80,
                State = ConstructionState.Normal,
                Narrative = "按计划推进，本周完成桩基施工",
            },
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static RegistryDecimal Dec(decimal value) => new() { Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
