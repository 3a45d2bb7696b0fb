using Google.Protobuf.WellKnownTypes;
using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Grpc;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>
/// An item's changes with the clock right after each: the timeline is replayed step by step and the clock read on
/// the day of each change.
/// </summary>
public sealed class GetTimeline(CaseStore store, TimeProvider time, IWorkingCalendar calendar)
{
    public async Task<V1.GetTimelineResponse> HandleAsync(V1.GetTimelineRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Required("case_id", request.CaseId);
        var kind = validation.Kind("kind", request.Kind);
        validation.ThrowIfInvalid();

        var loaded = await store.FindAsync(request.CaseId, cancellationToken)
            ?? throw RpcException.NotFound($"Approval case {request.CaseId} does not exist.");
        loaded.RequireReadableBy(caller);
        var item = loaded.Find(kind)
            ?? throw RpcException.NotFound($"Project {loaded.Record.ProjectId} does not require {kind}.");

        var response = new V1.GetTimelineResponse
        {
            Item = item.ToProto(loaded.Record.Id, calendar, ChinaTime.DateOf(time.GetUtcNow())),
        };
        var replay = new ApprovalItem(item.Item.Requirement);
        foreach (var record in item.Record.Timeline.OrderBy(t => t.Sequence))
        {
            var entry = replay.Apply(CaseStore.ToEntry(kind, record));
            var day = ChinaTime.DateOf(entry.At);
            var clock = replay.Clock(calendar, day);
            var message = new V1.TimelineEntry
            {
                Sequence = record.Sequence,
                Action = (V1.TimelineAction)((int)entry.Action + 1),
                From = entry.From.ToProto(),
                To = entry.To.ToProto(),
                Actor = entry.Actor,
                DepartmentId = entry.DepartmentId ?? "",
                At = Timestamp.FromDateTimeOffset(entry.At),
                Date = day.ToWire(),
                Note = entry.Note ?? "",
                WorkingDaysUsed = clock.DaysUsed,
                WorkingDaysLeft = clock.DaysLeft,
            };
            message.Documents.AddRange(entry.Documents.Select(d => d.ToProto()));
            response.Entries.Add(message);
        }

        return response;
    }
}
