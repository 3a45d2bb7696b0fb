namespace ProjectHub.Registry.Domain.Ranking;

/// <summary>
/// 考核排名: ranks responsible units by a weighted score of four parts, each normalised to 0–100:
/// <list type="bullet">
/// <item>Green share — green projects / projects with a light × 100.</item>
/// <item>Investment completion — completed / planned × 100, capped at 100 so overspending one year buys nothing.</item>
/// <item>On-time reporting — reports on time / reports due × 100.</item>
/// <item>Problem resolution — 100 while the median working days to resolve is at most the target T, then
/// 100 × T / median: twice the target scores 50, four times 25. It falls steadily and never reaches zero, so a
/// slow unit still gains from getting faster.</item>
/// </list>
/// A part with nothing to measure among the first three (no lit projects, nothing planned, no reports due) scores
/// 100: a unit is not marked down for an obligation it did not have. Problem resolution is different: with no
/// problem resolved in the period there is no speed to measure, and "nothing resolved" may as well mean problems
/// left open as no problems at all, so full marks would reward exactly what the ranking is meant to expose. That part
/// is then not scored (null): the score is the weighted mean of the other parts (their weights divided by their own
/// sum), so the unit neither gains nor loses from the missing figure. Parts are rounded to two decimals and the
/// score is computed from the rounded parts, so anyone can redo the sum from the published table.
/// Ties on the score are broken by the parts in the order above (higher first), then by unit name in ordinal
/// (code point) order, which is the same on every server whatever its culture.
/// </summary>
public static class UnitRanking
{
    public static IReadOnlyList<UnitRank> Rank(IEnumerable<UnitPeriodFigures> figures, RankingWeights weights)
    {
        weights.EnsureValid();
        var scored = new List<(string Unit, decimal Score, ScoreParts Parts, decimal? Median)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in figures)
        {
            EnsureValid(unit);
            if (!names.Add(unit.Unit))
            {
                throw new ArgumentException($"Unit \"{unit.Unit}\" appears more than once.", nameof(figures));
            }

            var median = Median.Of(unit.ResolutionWorkingDays);
            var parts = new ScoreParts(
                Share(unit.Projects.Green, unit.Projects.Lit),
                unit.InvestmentPlanned == 0 ? 100m : Round(Math.Min(1m, unit.InvestmentCompleted / unit.InvestmentPlanned) * 100m),
                Share(unit.ReportsOnTime, unit.ReportsDue),
                median switch
                {
                    null => null,
                    { } m when m > weights.TargetResolutionWorkingDays => Round(100m * weights.TargetResolutionWorkingDays / m),
                    _ => 100m,
                });
            scored.Add((unit.Unit, Score(parts, weights), parts, median));
        }

        return scored
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Parts.GreenShare)
            .ThenByDescending(s => s.Parts.InvestmentCompletion)
            .ThenByDescending(s => s.Parts.OnTimeReporting)
            .ThenByDescending(s => s.Parts.ProblemResolution)
            .ThenBy(s => s.Unit, StringComparer.Ordinal)
            .Select((s, i) => new UnitRank(i + 1, s.Unit, s.Score, s.Parts, s.Median))
            .ToList();
    }

    private static decimal Score(ScoreParts p, RankingWeights w)
    {
        var resolutionWeight = p.ProblemResolution is null ? 0m : w.ProblemResolution;
        var weights = w.GreenShare + w.InvestmentCompletion + w.OnTimeReporting + resolutionWeight;
        if (weights == 0)
        {
            // Every weight is on problem resolution and none was resolved: nothing weighted was measured, nothing earned.
            return 0m;
        }

        return Round(
            ((p.GreenShare * w.GreenShare)
             + (p.InvestmentCompletion * w.InvestmentCompletion)
             + (p.OnTimeReporting * w.OnTimeReporting)
             + ((p.ProblemResolution ?? 0m) * resolutionWeight)) / weights);
    }

    private static decimal Share(int part, int whole) => whole == 0 ? 100m : Round(100m * part / whole);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static void EnsureValid(UnitPeriodFigures f)
    {
        var p = f.Projects;
        if (string.IsNullOrWhiteSpace(f.Unit)
            || p.Red < 0 || p.Yellow < 0 || p.Green < 0
            || f.InvestmentCompleted < 0 || f.InvestmentPlanned < 0
            || f.ReportsDue < 0 || f.ReportsOnTime < 0 || f.ReportsOnTime > f.ReportsDue
            || f.ResolutionWorkingDays.Any(d => d < 0))
        {
            throw new ArgumentException(
                $"Figures for unit \"{f.Unit}\" are inconsistent: a name is required, counts and amounts must not be negative, and reports on time cannot exceed reports due.");
        }
    }
}
