using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Board;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Registry.Board;

/// <summary>The board's figures and the year its money is counted for.</summary>
public sealed record BoardView(BoardSummary Summary, int Year);

/// <summary>
/// The battle map (挂图作战): every project still on the list (not exited), counted by light per dimension, with
/// this year's money. Year-to-date completed is the investment of the current reports of periods starting this year.
/// A caller who does not read everything sees the board of its own projects only.
/// The database does the counting and summing (one row per combination of department, locality, leader, tier and
/// light), so a call costs the same whatever the number of projects on the host side.
/// </summary>
public sealed class GetBoard(RegistryDbContext db, TimeProvider time)
{
    public async Task<BoardView> HandleAsync(Caller caller, CancellationToken ct)
    {
        var year = time.Today().Year;
        var exited = nameof(ProjectStage.Exited);
        var onBoard = db.Projects.AsNoTracking().Visible(caller).Where(p => p.Stage != exited);
        var groups = await onBoard
            .GroupBy(p => new { p.IndustryDepartment, p.Locality, p.LeaderInCharge, p.Tier, p.Light })
            .Select(g => new BoardGroup(
                g.Key.IndustryDepartment, g.Key.Locality, g.Key.LeaderInCharge, g.Key.Tier, g.Key.Light,
                g.Count(), g.Sum(p => p.TotalInvestment), g.Sum(p => p.YearPlannedInvestment)))
            .ToListAsync(ct);
        var yearStart = new DateOnly(year, 1, 1);
        var completed = await db.Reports.AsNoTracking()
            .Where(r => r.IsCurrent && r.PeriodStart >= yearStart && onBoard.Any(p => p.Id == r.ProjectId))
            .SumAsync(r => r.PeriodInvestment, ct);

        return new BoardView(BoardGroups.Summarise(groups, completed), year);
    }
}
