using ProjectHub.Approval.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Approval.Tests.Service.ApprovalServiceFixture;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>
/// Every role against every RPC of projecthub.approval.v1, one case per cell. Each case's project was announced by
/// the registry with the fixture's routing: owner 市城投集团, responsible unit 高新区管委会, industry department 住建局,
/// leader in charge 张副市长. The item under test is the environmental impact assessment (环评), reviewed by 生态环境局
/// alone; "other-department" is 交通局, which neither approves anything on these cases nor is their industry
/// department. OpenCase names a new project the registry announced with the same routing. A refused call leaves the
/// case exactly as it was (versions, states, timelines) and opens nothing.
/// </summary>
[Collection(ApprovalServiceCollection.Name)]
public sealed class AuthorizationMatrixTests(ApprovalServiceFixture service)
{
    public enum Expect
    {
        Ok,

        /// <summary>ListCases answers and the case is on it.</summary>
        Listed,

        /// <summary>ListCases answers, filtered: the case is not on it.</summary>
        NotListed,
        Denied,
        Unauthenticated,
    }

    private const ItemKind Kind = ItemKind.EnvironmentalImpact;
    private const string ItemDepartment = "ECOLOGY_ENVIRONMENT";

    private static readonly string[] Rpcs =
        ["OpenCase", "GetCase", "ListCases", "GetTimeline", "SubmitItem", "AcceptItem", "ApproveItem", "ReturnItem", "GetServiceInfo"];

    private const Expect O = Expect.Ok, L = Expect.Listed, N = Expect.NotListed, D = Expect.Denied, U = Expect.Unauthenticated;

    // Columns in the order of Rpcs.
    private static readonly (string Role, Expect[] Cells)[] Table =
    [
        //                            Open Get List Tline Submit Accept Approve Return Info
        ("drc",                        [O,   O,  L,   O,    D,     D,     D,      D,     O]),
        ("owner-own",                  [O,   O,  L,   O,    O,     D,     D,      D,     O]),
        ("owner-responsible",          [O,   O,  L,   O,    O,     D,     D,      D,     O]),
        ("owner-other",                [D,   D,  N,   D,    D,     D,     D,      D,     O]),
        ("department-of-the-item",     [D,   O,  L,   O,    D,     O,     O,      O,     O]),
        ("other-department",           [D,   D,  N,   D,    D,     D,     D,      D,     O]),
        ("leader-in-charge",           [D,   O,  L,   O,    D,     D,     D,      D,     O]),
        ("other-leader",               [D,   D,  N,   D,    D,     D,     D,      D,     O]),
        ("inspector",                  [D,   O,  L,   O,    D,     D,     D,      D,     O]),
        ("admin",                      [O,   O,  L,   O,    O,     O,     O,      O,     O]),
        ("no token",                   [U,   U,  U,   U,    U,     U,     U,      U,     U]),
    ];

    public static TheoryData<string, string, Expect> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, Expect>();
            foreach (var (role, cells) in Table)
            {
                for (var i = 0; i < Rpcs.Length; i++)
                {
                    data.Add(role, Rpcs[i], cells[i]);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_table_covers_every_rpc_of_the_service()
    {
        var methods = ApprovalReflection.Descriptor.Services.Single().Methods.Select(m => m.Name).Order();
        Assert.Equal(methods, Rpcs.Order());
        Assert.All(Table, row => Assert.Equal(Rpcs.Length, row.Cells.Length));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_its_answer_from_each_rpc(string role, string rpc, Expect expected)
    {
        service.At("2026-03-02");
        var opened = await service.OpenAsync("5000");
        await PrepareAsync(opened.CaseId, rpc);
        var options = CallerFor(role) is { } caller ? As(caller) : default;
        var newProject = NewProjectId();
        if (rpc == "OpenCase")
        {
            await service.RegisterAsync(newProject);
        }

        var before = await service.CaseStateAsync(opened.CaseId);

        Expect actual;
        try
        {
            var listed = await CallAsync(rpc, opened.CaseId, newProject, options);
            actual = rpc == "ListCases" ? (listed ? Expect.Listed : Expect.NotListed) : Expect.Ok;
        }
        catch (RpcException error) when (error.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            actual = error.StatusCode == StatusCode.PermissionDenied ? Expect.Denied : Expect.Unauthenticated;
        }

        Assert.Equal(expected, actual);
        if (actual is Expect.Denied or Expect.Unauthenticated)
        {
            Assert.Equal(before, await service.CaseStateAsync(opened.CaseId));
            Assert.False(await service.WithDbAsync(db => Task.FromResult(db.Cases.Any(c => c.ProjectId == newProject))));
        }
    }

    private static Caller? CallerFor(string role) => role switch
    {
        "drc" => TestTokens.Drc,
        "owner-own" => Owner,
        "owner-responsible" => TestTokens.Owner(ResponsibleUnit),
        "owner-other" => TestTokens.Owner("另一城投公司"),
        "department-of-the-item" => TestTokens.Department(DepartmentName(ItemDepartment)),
        "other-department" => TestTokens.Department("交通局"),
        "leader-in-charge" => TestTokens.Leader(LeaderInCharge, "VICE_MAYOR"),
        "other-leader" => TestTokens.Leader("李副市长", "VICE_MAYOR"),
        "inspector" => TestTokens.Inspector,
        "admin" => TestTokens.Admin,
        "no token" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Brings the item to the state in which the RPC would succeed for a caller allowed to make it.</summary>
    private async Task PrepareAsync(string caseId, string rpc)
    {
        if (rpc is "AcceptItem" or "ApproveItem" or "ReturnItem")
        {
            await service.Approvals.SubmitItemAsync(new SubmitItemRequest { CaseId = caseId, Kind = Kind, Documents = { Doc("eia.pdf") } }, As(Owner));
        }

        if (rpc is "ApproveItem" or "ReturnItem")
        {
            await service.Approvals.AcceptItemAsync(new AcceptItemRequest { CaseId = caseId, Kind = Kind, DepartmentId = ItemDepartment }, AsDepartment(ItemDepartment));
        }
    }

    /// <returns>For ListCases, whether the case is on any page; otherwise true.</returns>
    private async Task<bool> CallAsync(string rpc, string caseId, string newProject, CallOptions options)
    {
        var api = service.Approvals;
        switch (rpc)
        {
            case "OpenCase":
                await api.OpenCaseAsync(new OpenCaseRequest
                {
                    ProjectId = newProject, TotalInvestment = new Decimal { Value = "5000" }, OwnerUnit = OwnerUnit,
                }, options);
                return true;
            case "GetCase":
                await api.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, options);
                return true;
            case "ListCases":
                return await service.ListedAsync(caseId, options);
            case "GetTimeline":
                await api.GetTimelineAsync(new GetTimelineRequest { CaseId = caseId, Kind = Kind }, options);
                return true;
            case "SubmitItem":
                await api.SubmitItemAsync(new SubmitItemRequest { CaseId = caseId, Kind = Kind, Documents = { Doc("eia.pdf") } }, options);
                return true;
            case "AcceptItem":
                await api.AcceptItemAsync(new AcceptItemRequest { CaseId = caseId, Kind = Kind, DepartmentId = ItemDepartment }, options);
                return true;
            case "ApproveItem":
                await api.ApproveItemAsync(new ApproveItemRequest { CaseId = caseId, Kind = Kind, DepartmentId = ItemDepartment }, options);
                return true;
            case "ReturnItem":
                await api.ReturnItemAsync(new ReturnItemRequest { CaseId = caseId, Kind = Kind, DepartmentId = ItemDepartment, Reason = "补充监测数据" }, options);
                return true;
            case "GetServiceInfo":
                await api.GetServiceInfoAsync(new GetServiceInfoRequest(), options);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null);
        }
    }
}
