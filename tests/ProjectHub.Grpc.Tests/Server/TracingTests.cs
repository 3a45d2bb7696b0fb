using System.Diagnostics;
using ProjectHub.Grpc.Protocol;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class TracingTests
{
    [Fact]
    public async Task Client_call_inside_an_activity_arrives_in_the_same_trace()
    {
        var stopped = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrpcDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel();

        using var outer = new Activity("projecthub.test.operation").SetIdFormat(ActivityIdFormat.W3C).Start();
        var reply = await new ProbeClient(channel).Trace(new ProbeRequest());
        outer.Stop();

        var handlerActivity = server.Recorder().TraceActivity;
        Assert.NotNull(handlerActivity);
        Assert.Equal(outer.TraceId, handlerActivity.TraceId);
        Assert.Equal(outer.TraceId.ToHexString(), reply.TraceId);
        // The handler runs in the server span, whose parent is the client span, whose parent is the outer activity.
        Assert.Equal(ActivityKind.Server, handlerActivity.Kind);
        var clientSpan = stopped.Single(a => a.Kind == ActivityKind.Client && a.TraceId == outer.TraceId);
        Assert.Equal(outer.SpanId, clientSpan.ParentSpanId);
        Assert.Equal(clientSpan.SpanId, handlerActivity.ParentSpanId);
        Assert.Equal("projecthub.testing.ProbeService", handlerActivity.GetTagItem("rpc.service"));
        Assert.Equal("Trace", handlerActivity.GetTagItem("rpc.method"));
    }

    [Fact]
    public async Task A_client_call_leaves_the_callers_activity_as_it_found_it()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrpcDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel();
        var client = new ProbeClient(channel);

        Activity.Current = null;
        var first = await client.Trace(new ProbeRequest());
        Assert.Null(Activity.Current);
        var second = await client.Trace(new ProbeRequest());
        Assert.NotEqual(first.TraceId, second.TraceId); // two actions, two traces — not one chained by a leaked span

        using var outer = new Activity("projecthub.test.operation").SetIdFormat(ActivityIdFormat.W3C).Start();
        _ = client.Trace(new ProbeRequest()).ResponseAsync; // even before the answer, the caller's activity is back
        Assert.Same(outer, Activity.Current);
    }
}
