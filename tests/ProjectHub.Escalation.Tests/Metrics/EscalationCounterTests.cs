using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Problems;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Escalation.Tests.Metrics;

/// <summary>projecthub.escalations counts every ladder step of a change — by hand and automatic — by tier reached.</summary>
public sealed class EscalationCounterTests
{
    [Fact]
    public void Ladder_steps_are_counted_by_tier_and_trigger_and_other_changes_are_not()
    {
        var problem = Guid.NewGuid();
        var counted = new ConcurrentBag<(object? Tier, object? Trigger)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProjectHubMetrics.Name && instrument.Name == "projecthub.escalations")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // Other tests in this process escalate too; only this thread's measurements belong to this test.
        var thread = Environment.CurrentManagedThreadId;
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                counted.Add((Tag(tags, "tier"), Tag(tags, "trigger")));
            }
        });
        listener.Start();

        EscalationCounter.Count(new ProblemChange(
        [
            Entry(problem, ProblemAction.EscalatedByHand, from: 0, to: 1),
            Entry(problem, ProblemAction.EscalatedAutomatically, from: 1, to: 2),
            Entry(problem, ProblemAction.Acknowledged, from: 2, to: 2),
        ], []));

        Assert.Equal(
            [(2, "by_hand"), (3, "automatic")],
            counted.Select(c => ((int)c.Tier!, (string)c.Trigger!)).OrderBy(c => c.Item1));
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static ProblemHistoryEntry Entry(Guid problem, ProblemAction action, int from, int to) =>
        new(problem, 1, action, "tester", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, from, to,
            ProblemState.Open, ProblemState.Open, new DateOnly(2026, 1, 5), null);
}
