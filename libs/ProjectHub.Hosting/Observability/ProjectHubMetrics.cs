using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// ProjectHub's own meter and activity source, both named "ProjectHub". Counters are recorded where things happen;
/// gauges report the latest snapshot a service handed in, so a collection never touches a database.
/// Every method is cheap and safe to call when no telemetry is configured (nothing listens, nothing is kept beyond
/// the last snapshot).
/// </summary>
public static class ProjectHubMetrics
{
    public const string Name = "ProjectHub";

    /// <summary>For spans around domain work (sweeps, escalation rounds) that are not an RPC or a message.</summary>
    public static readonly ActivitySource ActivitySource = new(Name, "1.0.0");

    private static readonly Meter Meter = new(Name, "1.0.0");

    private static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "projecthub.events.published", "{event}", "Integration events published to the bus.");

    private static readonly Counter<long> Consumed = Meter.CreateCounter<long>(
        "projecthub.events.consumed", "{event}", "Integration events consumed from the bus (successful consumer runs).");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "projecthub.escalations", "{escalation}", "Problems moved up the ladder, by the tier they reached.");

    // Latest snapshots, keyed by the tag value; replaced wholesale so a colour or recipient that disappears stops
    // being reported.
    private static volatile IReadOnlyDictionary<string, long> _lights = new Dictionary<string, long>();
    private static volatile IReadOnlyDictionary<string, long> _pendingAlerts = new Dictionary<string, long>();
    private static readonly ConcurrentDictionary<string, OutboxSnapshot> Outboxes = new();

    internal static readonly ObservableGauge<long> OutboxBacklog = Meter.CreateObservableGauge(
        "projecthub.outbox.backlog", ObserveOutboxBacklog, "{message}", "Outbox messages not yet published, per database.");

    internal static readonly ObservableGauge<double> OutboxOldestAge = Meter.CreateObservableGauge(
        "projecthub.outbox.oldest_age", ObserveOutboxAge, "s", "Age of the oldest unpublished outbox message, per database.");

    private static readonly ObservableGauge<long> Lights = Meter.CreateObservableGauge(
        "projecthub.lights", () => Snapshot(_lights, "light"), "{project}", "Projects per warning-light colour (registry).");

    private static readonly ObservableGauge<long> PendingAlerts = Meter.CreateObservableGauge(
        "projecthub.alerts.pending", () => Snapshot(_pendingAlerts, "recipient"), "{alert}", "Unacknowledged alerts per recipient (escalation).");

    private static volatile int _calendarNextYearMissing;

    private static readonly ObservableGauge<int> CalendarNextYearMissing = Meter.CreateObservableGauge(
        "projecthub.calendar.next_year_missing", () => _calendarNextYearMissing, "{year}",
        "1 from 1 December while next year's holiday data is missing (deadlines into it are provisional), else 0.");

    /// <summary>The calendar watcher: whether next year's holiday data is missing in the season it is needed.</summary>
    public static void CalendarNextYear(bool missing) => _calendarNextYearMissing = missing ? 1 : 0;

    public static void EventPublished(string eventType) =>
        Published.Add(1, new KeyValuePair<string, object?>("event.type", eventType));

    public static void EventConsumed(string eventType, string consumer) =>
        Consumed.Add(1, new KeyValuePair<string, object?>("event.type", eventType),
            new KeyValuePair<string, object?>("consumer", consumer));

    /// <summary>
    /// Escalation service: call once per problem that moved up, with the tier number it reached and whether a deadline
    /// passed ("automatic") or a handler escalated it ("by_hand").
    /// </summary>
    public static void EscalationRaised(int tier, bool automatic = true) =>
        Escalations.Add(1, new KeyValuePair<string, object?>("tier", tier),
            new KeyValuePair<string, object?>("trigger", automatic ? "automatic" : "by_hand"));

    /// <summary>Registry: hand in the count of projects per colour ("red", "yellow", "green", "none") after a recount.</summary>
    public static void SetLightCounts(IReadOnlyDictionary<string, long> countsByColour) => _lights = Copy(countsByColour);

    /// <summary>Escalation: hand in the unacknowledged alerts per recipient id after a recount.</summary>
    public static void SetPendingAlerts(IReadOnlyDictionary<string, long> countsByRecipient) => _pendingAlerts = Copy(countsByRecipient);

    /// <summary>True when some exporter or listener collects the light gauge, so recounting the projects is worth it.</summary>
    public static bool LightsObserved => Lights.Enabled;

    /// <summary>True when some exporter or listener collects the pending-alerts gauge.</summary>
    public static bool PendingAlertsObserved => PendingAlerts.Enabled;

    /// <summary>True when some exporter or listener collects the outbox gauges, so sampling the table is worth it.</summary>
    internal static bool OutboxObserved => OutboxBacklog.Enabled || OutboxOldestAge.Enabled;

    internal static void SetOutbox(string database, long backlog, TimeSpan oldestAge) =>
        Outboxes[database] = new OutboxSnapshot(backlog, oldestAge.TotalSeconds);

    private static IEnumerable<Measurement<long>> ObserveOutboxBacklog() =>
        Outboxes.Select(o => new Measurement<long>(o.Value.Backlog, new KeyValuePair<string, object?>("database", o.Key)));

    private static IEnumerable<Measurement<double>> ObserveOutboxAge() =>
        Outboxes.Select(o => new Measurement<double>(o.Value.OldestAgeSeconds, new KeyValuePair<string, object?>("database", o.Key)));

    private static IEnumerable<Measurement<long>> Snapshot(IReadOnlyDictionary<string, long> counts, string tag) =>
        counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>(tag, c.Key)));

    private static Dictionary<string, long> Copy(IReadOnlyDictionary<string, long> counts) =>
        counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private sealed record OutboxSnapshot(long Backlog, double OldestAgeSeconds);
}
