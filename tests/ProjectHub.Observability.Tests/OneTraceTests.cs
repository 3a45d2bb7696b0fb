using System.Diagnostics;
using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;
using ApprovalInfoRequest = ProjectHub.Approval.V1.GetServiceInfoRequest;
using ApprovalsClient = ProjectHub.Approval.V1.Approvals.ApprovalsClient;
using EscalationClient = ProjectHub.Escalation.V1.Escalation.EscalationClient;
using ProjectRegistryClient = ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// One user action — register a project, look at its approvals, file a lagging weekly report — is ONE trace: the
/// registry's and approval's gRPC server spans (ASP.NET Core's, one per request), the registry outbox's publish span
/// and the escalation service's MassTransit consume span all carry the trace id of the caller's root span.
/// </summary>
public sealed class OneTraceTests
{
    [Fact]
    public async Task A_cross_service_action_is_one_trace_in_all_three_services()
    {
        using var spans = new SpanCollector();
        await using var system = await InProcessSystem.StartAsync();
        var registry = new ProjectRegistryClient(system.RegistryChannel);
        var approvals = new ApprovalsClient(system.ApprovalChannel);
        var escalation = new EscalationClient(system.EscalationChannel);

        ActivityTraceId traceId;
        string projectId;
        using (var root = TestSource.Source.StartActivity("file a lagging report", ActivityKind.Internal))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            var fields = LaggingProject();
            var project = await registry.RegisterProjectAsync(
                new RegisterProjectRequest { Project = fields, Stage = ProjectStage.UnderConstruction }, TestTokens.As(TestTokens.Drc));
            projectId = project.Id;
            await approvals.GetServiceInfoAsync(new ApprovalInfoRequest(), TestTokens.As(TestTokens.Drc));
            var submitted = await registry.SubmitProgressReportAsync(
                new SubmitProgressReportRequest { Report = LaggingReport(projectId) }, TestTokens.As(TestTokens.Owner(fields.OwnerUnit)));
            Assert.Equal(Light.Red, submitted.Light.Light);
        }

        // The light change travels outbox → bus → escalation after the RPC returned; wait for its visible effect.
        await EventuallyAsync(async () =>
            (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = projectId }, TestTokens.As(TestTokens.Drc))).Problems.Count > 0);
        await EventuallyAsync(() => Task.FromResult(ConsumeSpans(spans, traceId).Any()));

        var inTrace = spans.Spans.Where(s => s.TraceId == traceId).ToList();
        string Describe() => string.Join("\n", spans.Spans.Select(s =>
            $"{s.TraceId} {s.Source.Name} {s.Kind} {s.DisplayName} [{string.Join(", ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]"));
        Assert.True(inTrace.Any(s => IsServer(s, "projecthub.registry.v1")), "no registry server span in the trace:\n" + Describe());
        Assert.True(inTrace.Any(s => IsServer(s, "projecthub.approval.v1")), "no approval server span in the trace:\n" + Describe());
        Assert.True(inTrace.Any(s => s.Source.Name == "ProjectHub.Outbox" && s.Kind == ActivityKind.Producer),
            "no outbox publish span in the trace:\n" + Describe());
        Assert.True(inTrace.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer),
            "no MassTransit publish span in the trace:\n" + Describe());
        Assert.True(ConsumeSpans(spans, traceId).Any(), "no escalation consume span in the trace:\n" + Describe());
        // Sanity: the spans really come from separate services, not one.
        Assert.NotEqual(traceId, default);
    }

    /// <summary>MassTransit's consumer spans in the escalation service (its consumer type is on the span).</summary>
    private static IEnumerable<Activity> ConsumeSpans(SpanCollector spans, ActivityTraceId traceId) =>
        spans.Spans.Where(s => s.TraceId == traceId && s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer
            && s.TagObjects.Any(t => t.Value?.ToString()?.Contains("ProjectHub.Escalation", StringComparison.Ordinal) == true));

    /// <summary>
    /// ASP.NET Core's server span of a gRPC call into <paramref name="package"/> (the span AddAspNetCoreInstrumentation
    /// exports): Grpc.AspNetCore puts the method, "/package.Service/Method", on it as grpc.method.
    /// </summary>
    private static bool IsServer(Activity span, string package) =>
        span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server
        && (span.GetTagItem("grpc.method") as string)?.StartsWith("/" + package + ".", StringComparison.Ordinal) == true;

    internal static ProjectFields LaggingProject() => LaggingScenario.Project("观测示例快速路工程");

    private static ProgressReport LaggingReport(string projectId) => LaggingScenario.Report(projectId);

    private static async Task EventuallyAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within 30 s");
            await Task.Delay(200);
        }
    }
}
