using Google.Protobuf;
using Google.Protobuf.Reflection;
using ProjectHub.BadInput.Tests.Hosting;
using ApprovalV1 = ProjectHub.Approval.V1;
using CalendarV1 = ProjectHub.Calendar.V1;
using EscalationV1 = ProjectHub.Escalation.V1;
using RegistryV1 = ProjectHub.Registry.V1;
using TypeV1 = ProjectHub.Type.V1;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>
/// A valid-looking request per RPC, which the hostile cases then spoil one field at a time. Requests that move an
/// entity to another state (stage changes, exits, problem and item transitions) get a fresh entity, so earlier cases
/// cannot have moved it out of reach; repeatable ones (updates, replans, reports) share one. An RPC without a builder
/// here is fuzzed from its empty request.
/// </summary>
public static class BaseRequests
{
    private static int _sequence;

    private static readonly Dictionary<string, Func<ServicesFixture, Task<IMessage>>> Builders = new(StringComparer.Ordinal)
    {
        ["projecthub.registry.v1.ProjectRegistry/RegisterProject"] = _ => Done(new RegistryV1.RegisterProjectRequest
        {
            Project = ServicesFixture.ProjectFields($"新登记项目{Next()}"), Stage = RegistryV1.ProjectStage.UnderConstruction,
        }),
        ["projecthub.registry.v1.ProjectRegistry/GetProject"] = s => Done(new RegistryV1.GetProjectRequest { ProjectId = s.ProjectId }),
        ["projecthub.registry.v1.ProjectRegistry/ListProjects"] = _ => Done(new RegistryV1.ListProjectsRequest
        {
            IndustryDepartment = "住建局", NameContains = "项目", PageSize = 10,
        }),
        ["projecthub.registry.v1.ProjectRegistry/UpdateProject"] = async s => new RegistryV1.UpdateProjectRequest
        {
            ProjectId = await s.SharedProjectAsync("update"),
            // Every updatable field is named, so a hostile value in any of them is applied, not ignored.
            Project = ServicesFixture.ProjectFields($"更名项目{Next()}").WithoutBaseline(),
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask
            {
                Paths =
                {
                    "national_code", "name", "tier", "industry", "locality", "owner_unit", "responsible_unit", "industry_department",
                    "leader_in_charge", "responsible_person", "responsible_contact", "total_investment", "year_planned_investment",
                    "planned_start", "planned_completion",
                },
            },
            Reason = "更正名称",
        },
        ["projecthub.registry.v1.ProjectRegistry/ReplanProject"] = async s => new RegistryV1.ReplanProjectRequest
        {
            ProjectId = await s.SharedProjectAsync("replan"),
            Baseline = ServicesFixture.ProjectFields("x").Baseline,
            Reason = "征迁延误，调整计划",
            PlannedStart = "2025-09-01",
            PlannedCompletion = "2026-10-31",
        },
        ["projecthub.registry.v1.ProjectRegistry/ChangeStage"] = async s => new RegistryV1.ChangeStageRequest
        {
            ProjectId = await s.NewProjectAsync(), Stage = RegistryV1.ProjectStage.Completed, Reason = "竣工验收",
        },
        ["projecthub.registry.v1.ProjectRegistry/ExitProject"] = async s => new RegistryV1.ExitProjectRequest
        {
            ProjectId = await s.NewProjectAsync(), Reason = "项目取消",
        },
        ["projecthub.registry.v1.ProjectRegistry/GetProjectHistory"] = s => Done(new RegistryV1.GetProjectHistoryRequest { ProjectId = s.ProjectId }),
        ["projecthub.registry.v1.ProjectRegistry/SubmitProgressReport"] = async s => new RegistryV1.SubmitProgressReportRequest
        {
            Report = new RegistryV1.ProgressReport
            {
                ProjectId = await s.SharedProjectAsync("report"),
                PeriodStart = "2026-03-02",
                PeriodEnd = "2026-03-08",
                CumulativePercent = new TypeV1.Decimal { Value = "45" },
                PeriodInvestment = new TypeV1.Decimal { Value = "100" },
                CumulativeInvestment = new TypeV1.Decimal { Value = "1000" },
                Workers = 120,
                State = RegistryV1.ConstructionState.Normal,
                ReachedMilestones = { new RegistryV1.MilestoneReached { Name = "主体结构封顶", ActualDate = "2026-03-02" } },
                Narrative = "按计划推进",
                Problems = { "钢材供应偏紧" },
            },
        },
        ["projecthub.registry.v1.ProjectRegistry/ListProgressReports"] = s => Done(new RegistryV1.ListProgressReportsRequest { ProjectId = s.ProjectId }),
        ["projecthub.registry.v1.ProjectRegistry/GetLight"] = s => Done(new RegistryV1.GetLightRequest { ProjectId = s.ProjectId }),
        ["projecthub.registry.v1.ProjectRegistry/GetLightHistory"] = s => Done(new RegistryV1.GetLightHistoryRequest { ProjectId = s.ProjectId }),
        ["projecthub.registry.v1.ProjectRegistry/RankUnits"] = _ => Done(new RegistryV1.RankUnitsRequest
        {
            FromDate = "2026-01-01", ToDate = "2026-02-28",
        }),

        ["projecthub.approval.v1.Approvals/OpenCase"] = _ => Done(new ApprovalV1.OpenCaseRequest
        {
            ProjectId = $"P-BADINPUT-{Next()}", TotalInvestment = new TypeV1.Decimal { Value = "5000" }, OwnerUnit = "市城投集团",
        }),
        ["projecthub.approval.v1.Approvals/GetCase"] = s => Done(new ApprovalV1.GetCaseRequest { CaseId = s.CaseId }),
        ["projecthub.approval.v1.Approvals/ListCases"] = _ => Done(new ApprovalV1.ListCasesRequest
        {
            DepartmentId = "HOUSING_CONSTRUCTION", State = ApprovalV1.ItemState.Submitted, PageSize = 10,
        }),
        ["projecthub.approval.v1.Approvals/SubmitItem"] = async s => new ApprovalV1.SubmitItemRequest
        {
            CaseId = await s.NewCaseAsync(submit: false),
            Kind = ApprovalV1.ItemKind.ConstructionPermit,
            Documents = { ServicesFixture.Document("permit.pdf") },
            Note = "材料齐全",
        },
        ["projecthub.approval.v1.Approvals/AcceptItem"] = async s => new ApprovalV1.AcceptItemRequest
        {
            CaseId = await s.NewCaseAsync(), Kind = ApprovalV1.ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION", Note = "受理",
        },
        ["projecthub.approval.v1.Approvals/ApproveItem"] = async s => new ApprovalV1.ApproveItemRequest
        {
            CaseId = await s.NewCaseAsync(accept: true), Kind = ApprovalV1.ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION", Note = "同意",
        },
        ["projecthub.approval.v1.Approvals/ReturnItem"] = async s => new ApprovalV1.ReturnItemRequest
        {
            CaseId = await s.NewCaseAsync(accept: true), Kind = ApprovalV1.ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION", Reason = "材料不全",
        },
        ["projecthub.approval.v1.Approvals/GetTimeline"] = s => Done(new ApprovalV1.GetTimelineRequest
        {
            CaseId = s.CaseId, Kind = ApprovalV1.ItemKind.ConstructionPermit,
        }),

        ["projecthub.calendar.v1.WorkingCalendar/AddWorkingDays"] = _ => Done(new CalendarV1.AddWorkingDaysRequest { Date = "2026-03-02", WorkingDays = 5 }),
        ["projecthub.calendar.v1.WorkingCalendar/CountWorkingDays"] = _ => Done(new CalendarV1.CountWorkingDaysRequest
        {
            FromDate = "2026-03-02", ToDate = "2026-03-31",
        }),

        ["projecthub.escalation.v1.Escalation/RaiseProblem"] = s => Done(new EscalationV1.RaiseProblemRequest
        {
            ProjectId = s.ProjectId, Category = EscalationV1.ProblemCategory.Land, Description = "征迁未完成，主线施工受阻",
        }),
        ["projecthub.escalation.v1.Escalation/GetProblem"] = s => Done(new EscalationV1.GetProblemRequest { ProblemId = s.ProblemId }),
        ["projecthub.escalation.v1.Escalation/ListProblems"] = s => Done(new EscalationV1.ListProblemsRequest
        {
            ProjectId = s.ProjectId, State = EscalationV1.ProblemState.Open, Category = EscalationV1.ProblemCategory.Land, PageSize = 10,
        }),
        ["projecthub.escalation.v1.Escalation/AcknowledgeProblem"] = async s => new EscalationV1.AcknowledgeProblemRequest { ProblemId = await s.NewProblemAsync() },
        ["projecthub.escalation.v1.Escalation/ResolveProblem"] = async s => new EscalationV1.ResolveProblemRequest
        {
            ProblemId = await s.NewProblemAsync(), Resolution = "已协调完成征迁",
        },
        ["projecthub.escalation.v1.Escalation/EscalateProblem"] = async s => new EscalationV1.EscalateProblemRequest
        {
            ProblemId = await s.NewProblemAsync(), Reason = "区级无法协调",
        },
        ["projecthub.escalation.v1.Escalation/ReopenProblem"] = async s => new EscalationV1.ReopenProblemRequest
        {
            ProblemId = await s.NewProblemAsync(resolved: true), Reason = "问题复现",
        },
        ["projecthub.escalation.v1.Escalation/GetProblemHistory"] = s => Done(new EscalationV1.GetProblemHistoryRequest { ProblemId = s.ProblemId }),
        ["projecthub.escalation.v1.Escalation/SubscribeAlerts"] = s => Done(new EscalationV1.SubscribeAlertsRequest { RecipientId = s.RecipientId }),
        ["projecthub.escalation.v1.Escalation/ListAlerts"] = s => Done(new EscalationV1.ListAlertsRequest { RecipientId = s.RecipientId, PageSize = 10 }),
        ["projecthub.escalation.v1.Escalation/AcknowledgeAlert"] = s => Done(new EscalationV1.AcknowledgeAlertRequest { AlertId = s.AlertId }),
    };

    public static bool Has(MethodDescriptor method) => Builders.ContainsKey(RpcCatalog.Key(method));

    public static Task<IMessage> BuildAsync(MethodDescriptor method, ServicesFixture services) =>
        Builders.TryGetValue(RpcCatalog.Key(method), out var build)
            ? build(services)
            : Task.FromResult((IMessage)Activator.CreateInstance(method.InputType.ClrType)!);

    private static RegistryV1.ProjectFields WithoutBaseline(this RegistryV1.ProjectFields fields)
    {
        fields.Baseline = null;
        return fields;
    }

    private static Task<IMessage> Done(IMessage message) => Task.FromResult(message);

    private static int Next() => Interlocked.Increment(ref _sequence);
}
