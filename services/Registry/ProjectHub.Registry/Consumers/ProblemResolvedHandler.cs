using MassTransit;
using ProjectHub.Contracts.Escalation;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Consumers;

/// <summary>
/// Keeps, per problem resolved by the escalation service, the working days it took and the responsible unit, so
/// the unit ranking can score problem resolution without calling the escalation service. Applied once per event.
/// </summary>
public sealed class ProblemResolvedHandler(RegistryDbContext db, UnitOfWork work, TimeProvider time)
{
    public Task<bool> HandleAsync(ProblemResolved e, CancellationToken ct) =>
        work.RunAsync(async () =>
        {
            if (!await db.TryMarkProcessedAsync(e.EventId, "registry." + nameof(ProblemResolved), time.GetUtcNow(), ct))
            {
                return false;
            }

            db.ResolvedProblems.Add(new ResolvedProblemRow
            {
                EventId = e.EventId,
                ProblemId = e.ProblemId,
                ProjectId = e.ProjectId,
                ResponsibleUnit = e.ResponsibleUnit,
                ResolvedOn = ShanghaiTime.DateOf(e.OccurredAt),
                WorkingDays = e.WorkingDaysToResolve,
            });
            return true;
        }, ct);
}

public sealed class ProblemResolvedConsumer(ProblemResolvedHandler handler) : IConsumer<ProblemResolved>
{
    public Task Consume(ConsumeContext<ProblemResolved> context) => handler.HandleAsync(context.Message, context.CancellationToken);
}
