using Grpc.Core;
using ProjectHub.Registry.V1;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Api;

/// <summary>JSON read endpoints behind the board, project and ranking pages.</summary>
public static class BoardApi
{
    public static void MapBoardApi(this WebApplication app)
    {
        app.MapGet("/api/cards", async (BoardServices s, CancellationToken ct) =>
            (await ProjectReader.AllAsync(s, ct)).Select(Views.Card).ToList());

        app.MapGet("/api/projects/{id}", async (string id, BoardServices s, CancellationToken ct) =>
        {
            var read = s.Read(ct);
            Project project;
            try
            {
                project = await s.Registry.GetProjectAsync(new GetProjectRequest { ProjectId = id }, read);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                return Results.NotFound();
            }

            var history = await s.Registry.GetLightHistoryAsync(new GetLightHistoryRequest { ProjectId = id }, read);
            var reports = await s.Registry.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = id }, read);
            var problems = await s.Escalation.ListProblemsAsync(new Esc.ListProblemsRequest { ProjectId = id, PageSize = 500 }, read);
            var ladder = await s.Escalation.GetLadderAsync(new Esc.GetLadderRequest(), read);
            return Results.Ok(new
            {
                card = Views.Card(project),
                plannedPercent = Views.Number(project.Light?.PlannedPercent),
                actualPercent = Views.Number(project.Light?.ActualPercent),
                reasons = project.Light?.Reasons.Select(r => r.Message).ToList() ?? [],
                responsiblePerson = project.Fields.ResponsiblePerson,
                plannedStart = project.Fields.PlannedStart,
                plannedCompletion = project.Fields.PlannedCompletion,
                // The chart: one point per week from the first reported week to the last, planned (the baseline by the
                // week's Sunday) beside reported; a week without a report has neither, so the gap shows.
                progress = WeeklyProgress.Points(reports.Reports),
                reports = reports.Reports.OrderByDescending(r => r.PeriodStart, StringComparer.Ordinal).Select(r => new
                {
                    period = r.PeriodName.Length > 0 ? r.PeriodName : $"{r.PeriodStart}～{r.PeriodEnd}",
                    percent = Views.Number(r.CumulativePercent),
                    investment = Views.Number(r.CumulativeInvestment),
                    workers = r.Workers,
                    narrative = r.Narrative,
                    problems = r.Problems.ToList(),
                }).ToList(),
                ladder = ladder.Tiers.Select(t => t.ChineseName).ToList(),
                problems = problems.Problems.Where(p => p.State != Esc.ProblemState.Resolved).Select(p => new
                {
                    id = p.Id,
                    category = Views.CategoryName(p.Category),
                    description = p.Description,
                    supervision = p.Kind == Esc.ProblemKind.Supervision,
                    tierNumber = p.Tier?.Number ?? 0,
                    tierName = p.Tier?.ChineseName ?? "",
                    state = Views.StateName(p.State),
                    deadline = p.TierDeadline,
                    deadlineProvisional = p.TierDeadlineProvisional,
                    overdue = p.Overdue,
                }).ToList(),
            });
        });

        app.MapGet("/api/ranking", async (BoardServices s, CancellationToken ct) =>
        {
            // No dates: the registry's defaults are this year so far on its own Asia/Shanghai clock (this host's local
            // date is UTC on a server, a day behind in the first hours of a Shanghai morning).
            var request = new RankUnitsRequest();
            var ranks = await s.Registry.RankUnitsAsync(request, s.Read(ct));
            return new
            {
                from = ranks.FromDate,
                to = ranks.ToDate,
                ranks = ranks.Ranks.Select(r => new
                {
                    rank = r.Rank,
                    unit = r.Unit,
                    score = Views.Number(r.Score),
                    greenShare = Views.Number(r.GreenShare),
                    investmentCompletion = Views.Number(r.InvestmentCompletion),
                    onTimeReporting = Views.Number(r.OnTimeReporting),
                    problemResolution = Views.Number(r.ProblemResolution),
                    red = r.Lights?.Red ?? 0,
                    yellow = r.Lights?.Yellow ?? 0,
                    green = r.Lights?.Green ?? 0,
                }).ToList(),
            };
        });
    }
}
