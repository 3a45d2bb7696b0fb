using ProjectHub.Approval.V1;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;

namespace ProjectHub.Approval.Tests.Service;

[Collection(ApprovalServiceCollection.Name)]
public sealed class ItemLifecycleTests(ApprovalServiceFixture service)
{
    [Fact]
    public async Task Submit_accept_return_resubmit_approve_counts_working_days_across_the_2026_spring_festival()
    {
        service.At("2026-02-09");
        var opened = await service.OpenAsync("5000");
        var api = service.Approvals;
        const ItemKind kind = ItemKind.FeasibilityStudy; // DRC, 10 working days

        service.At("2026-02-10");
        await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc("fsr.pdf") } }, As(Owner));
        service.At("2026-02-11");
        var accepted = await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC" }, AsDepartment("DRC", "drc-1"));
        Assert.Equal(ClockState.Running, accepted.Clock.State);

        service.At("2026-02-13"); // Fri: 02-12 and 02-13 used
        var returned = await api.ReturnItemAsync(new ReturnItemRequest
        {
            CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC", Reason = "补充资金来源说明",
        }, AsDepartment("DRC", "drc-1"));
        Assert.Equal(ItemState.Returned, returned.State);
        Assert.Equal(ClockState.Paused, returned.Clock.State);
        Assert.Equal(2, returned.Clock.WorkingDaysUsed);

        service.At("2026-02-14"); // Sat, adjusted workday (调休上班)
        await api.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = kind, Documents = { Doc("fsr.pdf", "fsr v2"), Doc("funding.pdf") },
        }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC" }, AsDepartment("DRC", "drc-1"));

        // The holiday (02-15 … 02-23) uses no days; 8 left from 02-14 ends on 03-04 (02-28 is a Saturday workday).
        service.At("2026-02-23");
        var midHoliday = await api.GetCaseAsync(new GetCaseRequest { CaseId = opened.CaseId }, As(Owner));
        var clock = midHoliday.Items.Single(i => i.Kind == kind).Clock;
        Assert.Equal(2, clock.WorkingDaysUsed);
        Assert.Equal("2026-03-04", clock.DueDate);

        service.At("2026-02-25"); // 02-24, 02-25 used
        var approved = await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC" }, AsDepartment("DRC", "drc-2"));
        Assert.Equal(ItemState.Approved, approved.State);
        Assert.Equal(ClockState.Stopped, approved.Clock.State);

        var timeline = await api.GetTimelineAsync(new GetTimelineRequest { CaseId = opened.CaseId, Kind = kind }, As(Owner));
        Assert.Equal(
            [
                (TimelineAction.Submit, "2026-02-10", "owner-1", 0, 10),
                (TimelineAction.Accept, "2026-02-11", "drc-1", 0, 10),
                (TimelineAction.Return, "2026-02-13", "drc-1", 2, 8),
                (TimelineAction.Submit, "2026-02-14", "owner-1", 2, 8),
                (TimelineAction.Accept, "2026-02-14", "drc-1", 2, 8),
                (TimelineAction.Approve, "2026-02-25", "drc-2", 4, 6),
            ],
            timeline.Entries.Select(e => (e.Action, e.Date, e.Actor, e.WorkingDaysUsed, e.WorkingDaysLeft)).ToArray());
        Assert.Equal("补充资金来源说明", timeline.Entries[2].Note);
        Assert.Equal(ItemState.InReview, timeline.Entries[2].From);
        Assert.Equal(2, timeline.Entries[3].Documents.Count);
        Assert.Equal(ItemState.Approved, timeline.Item.State);
    }

    [Fact]
    public async Task Joint_review_needs_every_department_and_a_return_by_one_keeps_unaffected_signatures()
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        var api = service.Approvals;
        const ItemKind kind = ItemKind.PreliminaryDesign; // DRC + HOUSING_CONSTRUCTION + NATURAL_RESOURCES_PLANNING

        await api.SubmitItemAsync(new SubmitItemRequest { CaseId = opened.CaseId, Kind = kind, Documents = { Doc("design.pdf") } }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC" }, AsDepartment("DRC"));
        service.At("2026-03-03");
        var afterDrc = await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "DRC" }, AsDepartment("DRC"));
        Assert.Equal(ItemState.InReview, afterDrc.State);
        Assert.True(afterDrc.JointReview);

        var returned = await api.ReturnItemAsync(new ReturnItemRequest
        {
            CaseId = opened.CaseId, Kind = kind, DepartmentId = "HOUSING_CONSTRUCTION", Reason = "补充结构计算书",
        }, AsDepartment("HOUSING_CONSTRUCTION"));
        Assert.Equal(ItemState.Returned, returned.State);
        Assert.Equal(
            [ReviewStatus.Approved, ReviewStatus.Returned, ReviewStatus.Pending],
            returned.Reviews.Select(r => r.Status).ToArray());

        // The same design plus a supplement: DRC's signature over the unchanged design survives.
        service.At("2026-03-04");
        await api.SubmitItemAsync(new SubmitItemRequest
        {
            CaseId = opened.CaseId, Kind = kind, Documents = { Doc("design.pdf"), Doc("structure.pdf") },
        }, As(Owner));
        await api.AcceptItemAsync(new AcceptItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "HOUSING_CONSTRUCTION" }, AsDepartment("HOUSING_CONSTRUCTION"));
        var afterHousing = await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "HOUSING_CONSTRUCTION" }, AsDepartment("HOUSING_CONSTRUCTION"));
        Assert.Equal(ItemState.InReview, afterHousing.State);
        Assert.Equal(
            [ReviewStatus.Approved, ReviewStatus.Approved, ReviewStatus.Pending],
            afterHousing.Reviews.Select(r => r.Status).ToArray());

        var done = await api.ApproveItemAsync(new ApproveItemRequest { CaseId = opened.CaseId, Kind = kind, DepartmentId = "NATURAL_RESOURCES_PLANNING" }, AsDepartment("NATURAL_RESOURCES_PLANNING"));
        Assert.Equal(ItemState.Approved, done.State);

        var listed = await api.ListCasesAsync(new ListCasesRequest { DepartmentId = "NATURAL_RESOURCES_PLANNING", State = ItemState.Approved, PageSize = 100 }, As(Clerk));
        Assert.Contains(listed.Cases, c => c.CaseId == opened.CaseId);
        var notListed = await api.ListCasesAsync(new ListCasesRequest { DepartmentId = "ECOLOGY_ENVIRONMENT", State = ItemState.Approved, PageSize = 100 }, As(Clerk));
        Assert.DoesNotContain(notListed.Cases, c => c.CaseId == opened.CaseId);
    }

    [Fact]
    public async Task ListCases_pages_through_every_case_once()
    {
        service.At("2026-03-02");
        for (var i = 0; i < 3; i++)
        {
            await service.OpenAsync("5000");
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await service.Approvals.ListCasesAsync(new ListCasesRequest { PageSize = 2, PageToken = token }, As(Clerk));
            Assert.True(page.Cases.Count <= 2);
            seen.AddRange(page.Cases.Select(c => c.CaseId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        var total = await service.WithDbAsync(db => Task.FromResult(db.Cases.Count()));
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }
}
