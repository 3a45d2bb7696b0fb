using System.Diagnostics;
using ProjectHub.Escalation.V1;
using ProjectHub.Registry.V1;
using ProjectHub.Testing.Otlp;
using ProjectHub.Testing.Scenarios;
using Xunit.Abstractions;
using ApprovalInfoRequest = ProjectHub.Approval.V1.GetServiceInfoRequest;
using ApprovalsClient = ProjectHub.Approval.V1.Approvals.ApprovalsClient;

namespace ProjectHub.System.Tests;

/// <summary>
/// Issue #6: one user action is ONE trace across three processes. The owner's client files a lagging weekly report;
/// the registry turns the project RED and writes the event to its outbox; the relay publishes it over RabbitMQ with
/// the trace context captured when the event was written; the escalation process consumes it, opens a supervision
/// problem and streams a PROJECT_RED alert. Every process exports its spans over OTLP to the test's stand-in
/// collector, and the registry's, approval's and escalation's spans all carry the trace id of the report call.
/// The red-light chain itself never reaches approval (it consumes no registry event), so the same user action also
/// asks approval which version answers before filing, as the client does — approval's server span must join too.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OneTraceTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly ActivitySource Client = new("ProjectHub.System.Tests");

    [Fact]
    public async Task Filing_a_lagging_report_is_one_trace_in_registry_approval_and_escalation()
    {
        // The client's own spans (its root and Grpc.Net.Client's client spans) are what put a traceparent on the calls.
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ProjectHub.System.Tests" or "Grpc.Net.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var registry = Scenario.RegistryOf(system);
        var escalation = Scenario.EscalationOf(system);
        var approvals = new ApprovalsClient(system.Approval.Calls);
        var unit = "trace-unit-" + Guid.NewGuid().ToString("N")[..6];
        // Registration is an action of its own (its own trace), and leaves the project GREEN: its first milestone is
        // still ahead. Only the report's 10 % against ~48 % planned turns it RED.
        var project = await InItsOwnTraceAsync(() => Scenario.RegisterAsync(registry, GreenUntilReported("一次追踪快速路工程", unit), system));
        Assert.Equal(Light.Green, project.Light.Light);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = escalation.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = unit }, Scenario.Recipient(system, unit, cancel.Token));

        string traceId;
        // A new root: nothing earlier in this test (the open alert stream's client span) may parent the action.
        Activity.Current = null;
        using (var action = Client.StartActivity("owner files a lagging weekly report"))
        {
            Assert.NotNull(action);
            traceId = action.TraceId.ToHexString();
            await approvals.GetServiceInfoAsync(new ApprovalInfoRequest(), Scenario.Owner(system));
            var submitted = await registry.SubmitProgressReportAsync(Scenario.LaggingReport(project.Id), Scenario.Owner(system));
            Assert.Equal(Light.Red, submitted.Light.Light);
        }

        Assert.True(await NextRedAlertAsync(stream, project.Id, cancel.Token), $"no PROJECT_RED alert on the stream\n{system.Output}");
        await Scenario.EventuallyAsync(
            async () => (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = project.Id }, Scenario.Drc(system))).Problems.Count,
            count => count == 1, system, "one supervision problem");

        var registryName = SystemFixture.TelemetryName("Registry");
        var approvalName = SystemFixture.TelemetryName("Approval");
        var escalationName = SystemFixture.TelemetryName("Escalation");
        // Spans leave each process in batches every 200 ms, each process on its own timer, so they arrive in no fixed
        // order (a process's span can even come after the spans it caused elsewhere): wait for every one asserted below.
        (string What, Func<ExportedSpan, bool> Match)[] expected =
        [
            ("registry server span", s => s.Service == registryName && s.Kind == SpanKind.Server),
            ("registry outbox publish span", s => s.Service == registryName && s.Scope == "ProjectHub.Outbox" && s.Kind == SpanKind.Producer),
            ("escalation consumer span", s => s.Service == escalationName && s.Kind == SpanKind.Consumer),
            ("approval server span", s => s.Service == approvalName && s.Kind == SpanKind.Server),
        ];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<ExportedSpan> spans;
        while (true)
        {
            var collected = spans = system.Collector.Spans().Where(s => s.TraceId == traceId).ToList();
            var missing = expected.Where(e => !collected.Any(e.Match)).Select(e => e.What).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"trace {traceId} did not reach every service within 60 s (no {string.Join(", no ", missing)}); collected: {Describe()}\n{system.Output}");
            await Task.Delay(250);
        }

        foreach (var span in spans)
        {
            output.WriteLine($"{span.TraceId} {span.SpanId} <- {span.ParentSpanId,-16} {span.Service,-22} {span.Scope,-18} {span.Kind,-8} {span.Name}");
        }

        Assert.Contains(spans, s => s.Service == registryName && s.Kind == SpanKind.Server && s.Name.EndsWith("/SubmitProgressReport", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Name.EndsWith("/RegisterProject", StringComparison.Ordinal));
        // The relay runs on a background loop: only the context stored with the event can put its span in this trace.
        Assert.Contains(spans, s => s.Service == registryName && s.Scope == "ProjectHub.Outbox" && s.Kind == SpanKind.Producer);
        Assert.Contains(spans, s => s.Service == escalationName && s.Scope == "MassTransit" && s.Kind == SpanKind.Consumer
            && s.Name.StartsWith("project-light-changed", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Service == approvalName && s.Kind == SpanKind.Server && s.Name.EndsWith("/GetServiceInfo", StringComparison.Ordinal));
    }

    /// <summary>A copy of the lagging project whose first milestone (50 %) is ten days ahead: GREEN until a report says 10 %.</summary>
    private static ProjectFields GreenUntilReported(string name, string responsibleUnit)
    {
        var fields = Scenario.LaggingProject(name, responsibleUnit);
        fields.Baseline.Milestones[0].PlannedDate = LaggingScenario.Iso(LaggingScenario.Today.AddDays(10));
        return fields;
    }

    /// <summary>
    /// Runs a call as an action of its own: the gRPC client starts its span synchronously, so without the async
    /// boundary that span would stay Activity.Current here and parent the next action.
    /// </summary>
    private static async Task<T> InItsOwnTraceAsync<T>(Func<Task<T>> call) => await call();

    private string Describe() => string.Join("; ", system.Collector.Spans()
        .GroupBy(s => (s.Service, s.TraceId)).Select(g => $"{g.Key.Service} {g.Key.TraceId}: {string.Join(", ", g.Select(s => s.Name))}"));

    private static async Task<bool> NextRedAlertAsync(AsyncServerStreamingCall<Alert> stream, string projectId, CancellationToken cancellationToken)
    {
        try
        {
            while (await stream.ResponseStream.MoveNext(cancellationToken))
            {
                if (stream.ResponseStream.Current is { Code: "PROJECT_RED" } alert && alert.ProjectId == projectId)
                {
                    return true;
                }
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            // 60 s passed without the alert: the caller reports it with every service's output.
        }

        return false;
    }
}
