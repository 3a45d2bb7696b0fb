using ProjectHub.Domain;
using MassTransit;
using ProjectHub.Contracts.Registry;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Domain.Supervision;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Escalation.Consumers;

/// <summary>
/// A project's light changed: the supervision policy opens (RED) or notes any later change on the project's one supervision case,
/// and the light alerts go out (RED → unit, department, leader in charge; YELLOW → unit, department). Everything,
/// including the inbox mark, commits in one transaction, so a redelivery changes nothing.
/// </summary>
public sealed class ProjectLightChangedConsumer(ChangeRecorder recorder, EscalationRules rules, AlertRouter router, TimeProvider time)
    : IConsumer<ProjectLightChanged>
{
    public const string Name = "escalation.project-light-changed";

    public async Task Consume(ConsumeContext<ProjectLightChanged> context)
    {
        var e = context.Message;
        var ct = context.CancellationToken;
        var db = recorder.Db;
        var now = time.GetUtcNow();
        if (!await db.TryMarkProcessedAsync(e.EventId, Name, now, ct))
        {
            return;
        }

        await db.UpsertRouteAsync(e.Project, e.OccurredAt, ct);
        var routing = ProjectRoutes.ToDomain(e.Project);
        var change = new LightChange(e.Project.ProjectId, ParseLight(e.From), ParseLight(e.To), e.OccurredAt);

        // The light alert first: it explains the supervision case that may follow.
        if (change.From != change.To)
        {
            AlertTrigger? trigger = change.To switch
            {
                ProjectLight.Red => new ProjectTurnedRedTrigger(routing, e.OccurredAt),
                ProjectLight.Yellow => new ProjectTurnedYellowTrigger(routing, e.OccurredAt),
                _ => null,
            };
            if (trigger is not null)
            {
                await recorder.StoreAlertsAsync(router.Route(trigger), ct);
            }
        }

        var caseRow = await db.SupervisionCases.FindAsync([change.ProjectId], ct);
        var problemRow = caseRow is null ? null : await db.Problems.FindAsync([caseRow.ProblemId], ct);
        var openCase = problemRow?.ToDomain();

        switch (SupervisionPolicy.Decide(openCase, change))
        {
            case SupervisionDecision.Open:
                var description = e.Reasons.Count > 0
                    ? "项目转为红灯预警：" + string.Join("；", e.Reasons.Select(r => r.Message))
                    : "项目转为红灯预警";
                // The case id derives from the event, so even a delivery that slipped past the inbox opens the same case.
                var (problem, raised) = Problem.Raise(
                    ProblemDraft.SupervisionCase(DeterministicId.From($"supervision/{e.EventId:N}"), change.ProjectId, description), now, rules);
                db.Problems.Add(new ProblemRow { ProjectLight = Wire(ProjectLight.Red) }.CopyFrom(problem, rules.Ladder));
                if (caseRow is null)
                {
                    db.SupervisionCases.Add(new SupervisionCaseRow { ProjectId = change.ProjectId, ProblemId = problem.Id, OpenedAt = now });
                }
                else
                {
                    caseRow.ProblemId = problem.Id;
                    caseRow.OpenedAt = now;
                }

                await recorder.RecordAsync(problem, raised, routing, ct);
                break;
            case SupervisionDecision.NoteLight or SupervisionDecision.NoteRed:
                // The case shows whether its project is still RED; it stays open (see Problem.NoteProjectLight).
                var noted = openCase!.NoteProjectLight(change.To, now, rules);
                problemRow!.CopyFrom(openCase, rules.Ladder).ProjectLight = Wire(change.To);
                await recorder.RecordAsync(openCase, noted, routing, ct);
                break;
        }

        await recorder.SaveAsync(ct);
    }

    private static string Wire(ProjectLight light) => light.ToString().ToUpperInvariant();

    private static ProjectLight ParseLight(string light) => light.Trim().ToUpperInvariant() switch
    {
        "RED" => ProjectLight.Red,
        "YELLOW" => ProjectLight.Yellow,
        "GREEN" => ProjectLight.Green,
        _ => ProjectLight.None,
    };
}
