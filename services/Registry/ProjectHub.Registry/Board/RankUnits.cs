using ProjectHub.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Domain.Ranking;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Board;

/// <summary>
/// A ranking as read from the request: the period's first and last day (null: 1 January of this year, and today),
/// and the dates that could not be read.
/// </summary>
public sealed record RankUnitsCommand(DateOnly? From, DateOnly? To, Violations ParseViolations);

/// <summary>The ranking over [<see cref="From"/>, <see cref="To"/>]: each unit's rank with the figures it was scored on.</summary>
public sealed record UnitRankingView(DateOnly From, DateOnly To, IReadOnlyList<(UnitRank Rank, UnitPeriodFigures Figures)> Ranks);

/// <summary>
/// 考核排名 of responsible units over [from, to]. Figures per unit, over its projects still on the list:
/// lights as they are now; investment completed from 1 January of to's year up to <c>to</c> (current reports by
/// period start) against the sum of this year's plans; reports due = report periods lying wholly inside
/// [from, to], already ended, and not before the project's planned start or registration, for projects under
/// construction; on time = the period's first version was submitted by the day after the period ended.
/// Problem resolution: working days of the problems resolved in [from, to], from the escalation service's
/// ProblemResolved events, by the unit named on the event. A caller who does not read everything gets the ranking
/// computed over its own projects only (its portfolio), not the city-wide figures.
/// </summary>
public sealed class RankUnits(RegistryDbContext db, TimeProvider time, ReportCadence cadence, RankingWeights weights)
{
    public async Task<UnitRankingView> HandleAsync(RankUnitsCommand command, Caller caller, CancellationToken ct)
    {
        var v = new Violations();
        v.AddRange(command.ParseViolations.Items);
        var today = time.Today();
        var from = command.From ?? new DateOnly(today.Year, 1, 1);
        var to = command.To ?? today;
        if (to < from)
        {
            v.Add("to_date", "不能早于 from_date。");
        }

        v.ThrowIfAny();

        var exited = nameof(ProjectStage.Exited);
        var visible = db.Projects.AsNoTracking().Visible(caller);
        var projects = await visible.Where(p => p.Stage != exited).ToListAsync(ct);
        var yearStart = new DateOnly(to.Year, 1, 1);
        var reports = await db.Reports.AsNoTracking().Where(r => r.PeriodStart >= (from < yearStart ? from : yearStart) && r.PeriodStart <= to).ToListAsync(ct);
        var byProject = reports.ToLookup(r => r.ProjectId);
        var resolvedQuery = db.ResolvedProblems.AsNoTracking().Where(p => p.ResolvedOn >= from && p.ResolvedOn <= to);
        if (!caller.ReadsEverything)
        {
            // Only the problems of the caller's own projects count towards its view of the units.
            resolvedQuery = resolvedQuery.Where(r => visible.Any(p => p.Id == r.ProjectId));
        }

        var resolved = (await resolvedQuery.ToListAsync(ct)).ToLookup(p => p.ResponsibleUnit, StringComparer.Ordinal);

        var figures = projects.GroupBy(p => p.ResponsibleUnit, StringComparer.Ordinal).Select(unit =>
        {
            var lights = unit.Aggregate(new LightCounts(), (c, p) => c.Add(ProjectRowMapping.LightOf(p)));
            var completed = unit.Sum(p => byProject[p.Id].Where(r => r.IsCurrent && r.PeriodStart >= yearStart).Sum(r => r.PeriodInvestment));
            var planned = unit.Sum(p => p.YearPlannedInvestment);
            int due = 0, onTime = 0;
            foreach (var p in unit.Where(p => p.Stage == nameof(ProjectStage.UnderConstruction)))
            {
                var owedFrom = p.PlannedStart > p.RegisteredOn ? p.PlannedStart : p.RegisteredOn;
                for (var period = cadence.PeriodContaining(from); period.End <= to && period.End < today; period = cadence.PeriodContaining(period.End.AddDays(1)))
                {
                    if (period.Start < from || period.End < owedFrom)
                    {
                        continue;
                    }

                    due++;
                    var first = byProject[p.Id].Where(r => r.PeriodStart == period.Start).OrderBy(r => r.Version).FirstOrDefault();
                    if (first is not null && first.SubmittedOn <= period.End.AddDays(1))
                    {
                        onTime++;
                    }
                }
            }

            return new UnitPeriodFigures(unit.Key, lights, completed, planned, due, onTime, resolved[unit.Key].Select(p => p.WorkingDays).ToList());
        }).ToList();

        var byUnit = figures.ToDictionary(f => f.Unit, StringComparer.Ordinal);
        return new UnitRankingView(from, to, UnitRanking.Rank(figures, weights).Select(r => (r, byUnit[r.Unit])).ToList());
    }
}
