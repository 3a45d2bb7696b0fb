using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.Authorization.AuthorizationWorld;

namespace ProjectHub.Escalation.Tests.Service.Authorization;

/// <summary>
/// Every role against every RPC of projecthub.escalation.v1, one case per cell. The problem of a case sits at the
/// tier the role's row is about (the department's tier for departments, the vice mayor's for leaders, tier 1
/// otherwise); "-other" callers ask about the "-own" unit's problem or alerts. A refused write changes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    private const StatusCode Ok = StatusCode.OK;
    private const StatusCode No = StatusCode.PermissionDenied;
    private const StatusCode Anon = StatusCode.Unauthenticated;

    private static readonly string[] Roles =
        ["drc", "owner-own", "owner-other", "department-own", "department-other", "leader-of-tier", "leader-other-tier", "inspector", "admin", "no-token"];

    // Columns follow Roles.
    private static readonly Dictionary<string, StatusCode[]> Expected = new()
    {
        ["GetServiceInfo"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Anon],
        ["RaiseProblem"] = [Ok, Ok, No, No, No, No, No, No, Ok, Anon],
        ["GetProblem"] = [Ok, Ok, No, Ok, No, Ok, No, Ok, Ok, Anon],
        ["ListProblems"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Anon],
        ["AcknowledgeProblem"] = [Ok, Ok, No, Ok, No, Ok, No, No, Ok, Anon],
        ["ResolveProblem"] = [Ok, Ok, No, Ok, No, Ok, No, No, Ok, Anon],
        ["EscalateProblem"] = [Ok, Ok, No, Ok, No, Ok, No, No, Ok, Anon],
        ["ReopenProblem"] = [Ok, Ok, No, No, No, No, No, No, Ok, Anon],
        ["GetProblemHistory"] = [Ok, Ok, No, Ok, No, Ok, No, Ok, Ok, Anon],
        ["GetLadder"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Anon],
        ["SubscribeAlerts"] = [Ok, Ok, No, Ok, No, Ok, No, Ok, Ok, Anon],
        ["ListAlerts"] = [Ok, Ok, No, Ok, No, Ok, No, Ok, Ok, Anon],
        ["AcknowledgeAlert"] = [Ok, Ok, No, Ok, No, Ok, No, No, Ok, Anon],
    };

    public static TheoryData<string, string, StatusCode> Cases()
    {
        var data = new TheoryData<string, string, StatusCode>();
        foreach (var (rpc, row) in Expected)
        {
            for (var i = 0; i < Roles.Length; i++)
            {
                data.Add(rpc, Roles[i], row[i]);
            }
        }

        return data;
    }

    [Fact]
    public void The_matrix_covers_every_rpc_of_the_service()
    {
        var rpcs = EscalationReflection.Descriptor.Services.Single().Methods.Select(m => m.Name);
        Assert.Equal(rpcs.Order(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_its_status_from_each_rpc(string rpc, string role, StatusCode expected)
    {
        var (caller, tier, recipient) = Role(role);
        var options = As(caller);
        var client = world.Client;
        Func<Task> call;
        Func<Task>? assertUnchanged = null;
        switch (rpc)
        {
            case "GetServiceInfo":
                call = () => client.GetServiceInfoAsync(new GetServiceInfoRequest(), options).ResponseAsync;
                break;
            case "RaiseProblem":
                var before = await world.ProblemCountAsync();
                call = () => client.RaiseProblemAsync(
                    new RaiseProblemRequest { ProjectId = ProjectId, Category = ProblemCategory.Funding, Description = "资金缺口" }, options).ResponseAsync;
                assertUnchanged = async () => Assert.Equal(before, await world.ProblemCountAsync());
                break;
            case "GetProblem":
                var read = await world.ProblemAtAsync(tier);
                call = () => client.GetProblemAsync(new GetProblemRequest { ProblemId = read.Id }, options).ResponseAsync;
                break;
            case "ListProblems":
                var listed = await world.ProblemAtAsync(tier);
                call = async () =>
                {
                    var page = await client.ListProblemsAsync(new ListProblemsRequest { ProjectId = ProjectId, PageSize = 500 }, options);
                    // A list shows exactly the problems a get would: the same rule, as a filter.
                    Assert.Equal(Expected["GetProblem"][Array.IndexOf(Roles, role)] == Ok, page.Problems.Any(p => p.Id == listed.Id));
                };
                break;
            case "AcknowledgeProblem":
                var toAcknowledge = await world.ProblemAtAsync(tier);
                call = () => client.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = toAcknowledge.Id }, options).ResponseAsync;
                assertUnchanged = await UnchangedAsync(toAcknowledge.Id);
                break;
            case "ResolveProblem":
                var toResolve = await world.ProblemAtAsync(tier);
                call = () => client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = toResolve.Id, Resolution = "已协调" }, options).ResponseAsync;
                assertUnchanged = await UnchangedAsync(toResolve.Id);
                break;
            case "EscalateProblem":
                var toEscalate = await world.ProblemAtAsync(tier);
                call = () => client.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = toEscalate.Id, Reason = "超出职权" }, options).ResponseAsync;
                assertUnchanged = await UnchangedAsync(toEscalate.Id);
                break;
            case "ReopenProblem":
                var toReopen = await world.ProblemAtAsync(tier, resolved: true);
                call = () => client.ReopenProblemAsync(new ReopenProblemRequest { ProblemId = toReopen.Id, Reason = "仍未解决" }, options).ResponseAsync;
                assertUnchanged = await UnchangedAsync(toReopen.Id);
                break;
            case "GetProblemHistory":
                var audited = await world.ProblemAtAsync(tier);
                call = () => client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = audited.Id }, options).ResponseAsync;
                break;
            case "GetLadder":
                call = () => client.GetLadderAsync(new GetLadderRequest(), options).ResponseAsync;
                break;
            case "SubscribeAlerts":
                await world.AlertForAsync(recipient);
                call = () => FirstAlertAsync(recipient, options);
                break;
            case "ListAlerts":
                var listedAlert = await world.AlertForAsync(recipient);
                call = async () =>
                {
                    var alerts = await client.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient, PageSize = 500 }, options);
                    Assert.Contains(alerts.Alerts, a => a.Id == listedAlert);
                };
                break;
            case "AcknowledgeAlert":
                var alertId = await world.AlertForAsync(recipient);
                call = () => client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alertId }, options).ResponseAsync;
                assertUnchanged = async () => Assert.False((await world.AlertAsync(recipient, alertId)).Acknowledged);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rpc), rpc, "not an escalation RPC");
        }

        if (expected == Ok)
        {
            await call();
            return;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, refused.StatusCode);
        if (assertUnchanged is not null)
        {
            await assertUnchanged();
        }
    }

    // Who calls, the tier their case's problem sits at, and whose alerts they ask for.
    private static (Caller? Caller, string Tier, string Recipient) Role(string role) => role switch
    {
        "drc" => (TestTokens.Drc, "RESPONSIBLE_UNIT", "drc"),
        "owner-own" => (OwnOwner, "RESPONSIBLE_UNIT", OwnerUnit),
        "owner-other" => (OtherOwner, "RESPONSIBLE_UNIT", OwnerUnit),
        "department-own" => (OwnDepartment, "INDUSTRY_DEPARTMENT", DepartmentUnit),
        "department-other" => (OtherDepartment, "INDUSTRY_DEPARTMENT", DepartmentUnit),
        "leader-of-tier" => (TierLeader, "VICE_MAYOR", LeaderInCharge),
        "leader-other-tier" => (OtherTierLeader, "VICE_MAYOR", LeaderInCharge),
        "inspector" => (TestTokens.Inspector, "RESPONSIBLE_UNIT", OwnerUnit),
        "admin" => (TestTokens.Admin, "RESPONSIBLE_UNIT", OwnerUnit),
        "no-token" => (null, "RESPONSIBLE_UNIT", OwnerUnit),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role of the matrix"),
    };

    private async Task<Func<Task>> UnchangedAsync(string problemId)
    {
        var before = await world.SnapshotAsync(problemId);
        return async () =>
        {
            var after = await world.SnapshotAsync(problemId);
            Assert.Equal(before.Problem, after.Problem);
            Assert.Equal(before.History, after.History);
        };
    }

    private async Task FirstAlertAsync(string recipient, CallOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var call = world.Client.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = recipient }, options.WithCancellationToken(timeout.Token));
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token), "the stream ended without an alert");
        Assert.Equal(recipient, call.ResponseStream.Current.RecipientId);
    }
}
