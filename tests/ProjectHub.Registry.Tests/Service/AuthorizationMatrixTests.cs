using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.V1;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// Issue #7: every role against every registry RPC, one test case per cell. Each cell registers its own target
/// project (as DRC), so cells do not depend on each other's writes. A refused write must leave the database as it was.
/// </summary>
public sealed class AuthorizationMatrixTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private const string OwnerUnit = "矩阵业主";
    private const string ResponsibleUnit = "矩阵责任单位";
    private const string Department = "矩阵住建局";
    private const string Leader = "矩阵副市长";

    // Each row: one mark per role, in the order of RoleNames. O = OK, D = PERMISSION_DENIED, U = UNAUTHENTICATED.
    private static readonly string[] RoleNames =
        ["drc", "owner-own", "owner-other", "department-own", "department-other", "leader-own", "leader-other", "inspector", "admin", "no-token"];

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GetServiceInfo"] = "O O O O O O O O O U",
        ["RegisterProject"] = "O D D D D D D D O U",
        ["GetProject"] = "O O D O D O D O O U",
        ["ListProjects"] = "O O O O O O O O O U",
        ["UpdateProject"] = "O D D D D D D D O U",
        ["ReplanProject"] = "O D D D D D D D O U",
        ["ChangeStage"] = "O D D D D D D D O U",
        ["ExitProject"] = "O D D D D D D D O U",
        ["GetProjectHistory"] = "O O D O D O D O O U",
        ["SubmitProgressReport"] = "D O D D D D D D O U",
        ["ListProgressReports"] = "O O D O D O D O O U",
        ["GetLight"] = "O O D O D O D O O U",
        ["GetLightHistory"] = "O O D O D O D O O U",
        ["EvaluateLights"] = "O D D D D D D D O U",
        ["GetBoard"] = "O O O O O O O O O U",
        ["RankUnits"] = "O O O O O O O O O U",
        ["ListExitCandidates"] = "O O O O O O O O O U",
    };

    private static readonly HashSet<string> Writes = new HashSet<string>(StringComparer.Ordinal)
    {
        "RegisterProject", "UpdateProject", "ReplanProject", "ChangeStage", "ExitProject", "SubmitProgressReport", "EvaluateLights",
    };

    /// <summary>Lists whose answer shows whether the caller sees the target project.</summary>
    private static readonly HashSet<string> Lists = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListProjects", "GetBoard", "RankUnits",
    };

    public static TheoryData<string, string, StatusCode> Cells()
    {
        var data = new TheoryData<string, string, StatusCode>();
        foreach (var (rpc, row) in Expected)
        {
            var marks = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(RoleNames.Length, marks.Length);
            for (var i = 0; i < RoleNames.Length; i++)
            {
                data.Add(rpc, RoleNames[i], marks[i] switch
                {
                    "O" => StatusCode.OK,
                    "D" => StatusCode.PermissionDenied,
                    "U" => StatusCode.Unauthenticated,
                    _ => throw new InvalidOperationException($"Unknown mark {marks[i]} for {rpc}."),
                });
            }
        }

        return data;
    }

    [Fact]
    public void The_matrix_covers_every_rpc_of_the_service()
    {
        var rpcs = RegistryReflection.Descriptor.Services[0].Methods.Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(rpcs, Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Role_calling_rpc_gets_the_expected_status(string rpc, string role, StatusCode expected)
    {
        var target = await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields(
            $"矩阵项目-{rpc}-{role}", ownerUnit: OwnerUnit, responsibleUnit: ResponsibleUnit, department: Department, leader: Leader)));
        var before = await SnapshotAsync(target.Id);

        var (status, sees) = await CallAsync(rpc, host.Bare, target, Options(role));

        Assert.Equal(expected, status);
        if (expected != StatusCode.OK && Writes.Contains(rpc))
        {
            Assert.Equal(before, await SnapshotAsync(target.Id));
        }

        if (status == StatusCode.OK && Lists.Contains(rpc))
        {
            Assert.Equal(!role.EndsWith("-other", StringComparison.Ordinal), sees);
        }
    }

    private static CallOptions Options(string role) => role switch
    {
        "drc" => RegistryHost.As(TestTokens.Drc),
        "owner-own" => RegistryHost.As(TestTokens.Owner(OwnerUnit)),
        "owner-other" => RegistryHost.As(TestTokens.Owner("别家业主")),
        "department-own" => RegistryHost.As(TestTokens.Department(Department)),
        "department-other" => RegistryHost.As(TestTokens.Department("交通局")),
        "leader-own" => RegistryHost.As(TestTokens.Leader(Leader, "VICE_MAYOR")),
        "leader-other" => RegistryHost.As(TestTokens.Leader("李副市长", "VICE_MAYOR")),
        "inspector" => RegistryHost.As(TestTokens.Inspector),
        "admin" => RegistryHost.As(TestTokens.Admin),
        "no-token" => default,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Makes the call; returns its status and, for lists, whether the target project was in the answer.</summary>
    private static async Task<(StatusCode Status, bool Sees)> CallAsync(string rpc, V1.ProjectRegistry.ProjectRegistryClient c, Project target, CallOptions o)
    {
        var id = target.Id;
        try
        {
            var sees = rpc switch
            {
                "GetServiceInfo" => await Done(c.GetServiceInfoAsync(new GetServiceInfoRequest(), o)),
                "RegisterProject" => await Done(c.RegisterProjectAsync(Projects.Register(Projects.Fields("矩阵新项目", ownerUnit: OwnerUnit)), o)),
                "GetProject" => await Done(c.GetProjectAsync(new GetProjectRequest { ProjectId = id }, o)),
                "ListProjects" => (await c.ListProjectsAsync(new ListProjectsRequest { NameContains = target.Fields.Name }, o)).Projects.Any(p => p.Id == id),
                "UpdateProject" => await Done(c.UpdateProjectAsync(new UpdateProjectRequest
                {
                    ProjectId = id,
                    Project = new ProjectFields { Name = target.Fields.Name + "（改）" },
                    UpdateMask = new FieldMask { Paths = { "name" } },
                    Reason = "更名",
                }, o)),
                "ReplanProject" => await Done(c.ReplanProjectAsync(Replan(id), o)),
                "ChangeStage" => await Done(c.ChangeStageAsync(new ChangeStageRequest { ProjectId = id, Stage = ProjectStage.Completed, Reason = "竣工" }, o)),
                "ExitProject" => await Done(c.ExitProjectAsync(new ExitProjectRequest { ProjectId = id, Reason = "资金无法落实" }, o)),
                "GetProjectHistory" => await Done(c.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = id }, o)),
                "SubmitProgressReport" => await Done(c.SubmitProgressReportAsync(Projects.Report(id, "48"), o)),
                "ListProgressReports" => await Done(c.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = id }, o)),
                "GetLight" => await Done(c.GetLightAsync(new GetLightRequest { ProjectId = id }, o)),
                "GetLightHistory" => await Done(c.GetLightHistoryAsync(new GetLightHistoryRequest { ProjectId = id }, o)),
                "EvaluateLights" => await Done(c.EvaluateLightsAsync(new EvaluateLightsRequest(), o)),
                "GetBoard" => (await c.GetBoardAsync(new GetBoardRequest(), o)).ByLeaderInCharge.Any(r => r.Key == Leader),
                "RankUnits" => (await c.RankUnitsAsync(new RankUnitsRequest(), o)).Ranks.Any(r => r.Unit == ResponsibleUnit),
                "ListExitCandidates" => await Done(c.ListExitCandidatesAsync(new ListExitCandidatesRequest(), o)),
                _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
            };
            return (StatusCode.OK, sees);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, false);
        }
    }

    private static async Task<bool> Done<T>(AsyncUnaryCall<T> call)
    {
        await call.ResponseAsync;
        return true;
    }

    private static ReplanProjectRequest Replan(string id)
    {
        var replan = new ReplanProjectRequest { ProjectId = id, Reason = "用地调整", Baseline = new Baseline() };
        replan.Baseline.Milestones.Add(new Milestone { Name = "开工", PlannedDate = "2025-10-01", CumulativePercent = new() { Value = "5" } });
        return replan;
    }

    /// <summary>Everything a registry write could touch: the target's row and the row counts of every table.</summary>
    private Task<string> SnapshotAsync(string projectId) => host.InDatabase(async db =>
    {
        var p = await db.Projects.AsNoTracking().SingleAsync(x => x.Id == projectId);
        return string.Join(" | ",
            $"{p.Name} {p.Stage} v{p.BaselineVersion} {p.UpdatedAtMs} {p.Light}",
            await db.Projects.CountAsync(),
            await db.Audit.CountAsync(),
            await db.Baselines.CountAsync(),
            await db.Reports.CountAsync(),
            await db.LightHistory.CountAsync(),
            await db.Set<ProjectHub.Hosting.Messaging.OutboxMessage>().CountAsync());
    });
}
