using System.Globalization;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Supervision;
using ProjectHub.Domain;

namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>
/// A problem (问题) or supervision case (督办) climbing the escalation ladder. Pure: every operation takes the time and
/// the rules in force, mutates the aggregate and returns the audit entries and events it caused. Refusals throw
/// <see cref="EscalationErrors.Refusal"/> (a <see cref="ProjectHub.Domain.DomainException"/>) and leave the aggregate unchanged.
/// </summary>
public sealed class Problem
{
    private Problem(ProblemSnapshot s)
    {
        Id = s.Id;
        ProjectId = s.ProjectId;
        Category = s.Category;
        Description = s.Description;
        RaisedBy = s.RaisedBy;
        RaisedAt = s.RaisedAt;
        Kind = s.Kind;
        TierIndex = s.TierIndex;
        State = s.State;
        TierEnteredAt = s.TierEnteredAt;
        TierDeadline = s.TierDeadline;
        AcknowledgedBy = s.AcknowledgedBy;
        AcknowledgedAt = s.AcknowledgedAt;
        ResolvedBy = s.ResolvedBy;
        ResolvedAt = s.ResolvedAt;
        Resolution = s.Resolution;
        DeadlineNoticeSent = s.DeadlineNoticeSent;
        LastReminderOn = s.LastReminderOn;
        Version = s.Version;
    }

    public Guid Id { get; }
    public string ProjectId { get; }
    public ProblemCategory Category { get; }
    public string Description { get; }
    public string RaisedBy { get; }
    public DateTimeOffset RaisedAt { get; }
    public ProblemKind Kind { get; }

    /// <summary>Zero-based index of the current tier in the ladder.</summary>
    public int TierIndex { get; private set; }
    public ProblemState State { get; private set; }

    /// <summary>When the current tier's clock started: arrival at the tier, or the last reopening.</summary>
    public DateTimeOffset TierEnteredAt { get; private set; }

    /// <summary>Last day (Shanghai) the current tier has; overdue from 00:00 the day after.</summary>
    public DateOnly TierDeadline { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }

    /// <summary>Whether the 临期 notice went out during the current tier visit.</summary>
    public bool DeadlineNoticeSent { get; private set; }

    /// <summary>Shanghai date of the last top-tier overdue reminder.</summary>
    public DateOnly? LastReminderOn { get; private set; }

    /// <summary>Number of audit entries so far; the version of the latest.</summary>
    public int Version { get; private set; }

    public static Problem Restore(ProblemSnapshot snapshot) => new(snapshot);

    public ProblemSnapshot ToSnapshot() => new(
        Id, ProjectId, Category, Description, RaisedBy, RaisedAt, Kind, TierIndex, State, TierEnteredAt, TierDeadline,
        AcknowledgedBy, AcknowledgedAt, ResolvedBy, ResolvedAt, Resolution, DeadlineNoticeSent, LastReminderOn, Version);

    /// <summary>Raises a problem at the first tier, its clock starting now.</summary>
    public static (Problem Problem, ProblemChange Change) Raise(ProblemDraft draft, DateTimeOffset now, EscalationRules rules)
    {
        Require(draft.ProjectId, EscalationErrorCode.ProjectRequired, "A problem needs the project it belongs to.");
        Require(draft.RaisedBy, EscalationErrorCode.ActorRequired, "A problem needs the actor who raised it.");
        Require(draft.Description, EscalationErrorCode.DescriptionRequired, "A problem needs a description.");
        if (!Enum.IsDefined(draft.Category))
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.UnknownCategory, $"Unknown problem category {(int)draft.Category}.");
        }

        if (!Enum.IsDefined(draft.Kind))
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.UnknownKind, $"Unknown problem kind {(int)draft.Kind}.");
        }

        var tier = rules.Ladder.First;
        var deadline = rules.DeadlineFor(tier, ShanghaiTime.DateOf(now));
        var problem = new Problem(new ProblemSnapshot(
            draft.Id, draft.ProjectId.Trim(), draft.Category, draft.Description.Trim(), draft.RaisedBy, now, draft.Kind,
            tier.Index, ProblemState.Open, now, deadline, null, null, null, null, null, false, null, 0));

        var entry = problem.Record(ProblemAction.Raised, draft.RaisedBy, now, now, tier.Index, null, null);
        var raised = new ProblemRaised(
            problem.Id, problem.ProjectId, problem.Version, now, problem.Kind, problem.Category, problem.RaisedBy, tier, deadline);
        return (problem, new ProblemChange([entry], [raised]));
    }

    /// <summary>签收: the current tier takes the problem on. Does not stop the clock.</summary>
    public ProblemChange Acknowledge(string by, DateTimeOffset now, EscalationRules rules)
    {
        Require(by, EscalationErrorCode.ActorRequired, "Acknowledging needs the acting user.");
        var tier = CurrentTier(rules);
        EnsureNotResolved("acknowledge");
        if (State == ProblemState.Acknowledged)
        {
            throw EscalationErrors.Refusal(
                EscalationErrorCode.AlreadyAcknowledged, $"The problem was already acknowledged at this tier by {AcknowledgedBy}.");
        }

        var from = State;
        State = ProblemState.Acknowledged;
        AcknowledgedBy = by;
        AcknowledgedAt = now;
        var entry = Record(ProblemAction.Acknowledged, by, now, now, TierIndex, from, null);
        return Single(entry, new ProblemAcknowledged(Id, ProjectId, Version, now, by, tier));
    }

    /// <summary>Closes the problem with a resolution. Allowed from OPEN too: resolving implies taking it on.</summary>
    public ProblemChange Resolve(string by, string resolution, DateTimeOffset now, EscalationRules rules)
    {
        Require(by, EscalationErrorCode.ActorRequired, "Resolving needs the acting user.");
        Require(resolution, EscalationErrorCode.ResolutionRequired, "Resolving needs a resolution saying what was done.");
        var tier = CurrentTier(rules);
        EnsureNotResolved("resolve");

        var from = State;
        State = ProblemState.Resolved;
        ResolvedBy = by;
        ResolvedAt = now;
        Resolution = resolution.Trim();
        var entry = Record(ProblemAction.Resolved, by, now, now, TierIndex, from, Resolution);
        return Single(entry, new ProblemResolved(Id, ProjectId, Version, now, by, Resolution, tier));
    }

    /// <summary>"Beyond our authority": climbs exactly one tier, the new tier's clock starting now.</summary>
    public ProblemChange EscalateByHand(string by, string reason, DateTimeOffset now, EscalationRules rules)
    {
        Require(by, EscalationErrorCode.ActorRequired, "Escalating needs the acting user.");
        Require(reason, EscalationErrorCode.ReasonRequired, "Escalating by hand needs a reason.");
        CurrentTier(rules);
        EnsureNotResolved("escalate");
        if (rules.Ladder.IsTop(TierIndex))
        {
            throw EscalationErrors.Refusal(
                EscalationErrorCode.TopTierReached, $"The problem is at the top tier ({rules.Ladder.Top.Id}); there is no tier above it.");
        }

        return Climb(by, reason.Trim(), automatic: false, now, effectiveAt: now, rules);
    }

    /// <summary>
    /// The sweep's entry point. When the current deadline has passed: below the top, climbs exactly one tier (taking
    /// effect at the instant the deadline passed, so a late sweep lands on the same dates as a punctual one); at the
    /// top, sends a reminder unless one went out today or today is not a working day. Otherwise returns
    /// <see cref="ProblemChange.Empty"/>. Safe to repeat: a handled deadline is never handled again.
    /// </summary>
    public ProblemChange AutoEscalateIfDue(DateTimeOffset now, EscalationRules rules)
    {
        if (State == ProblemState.Resolved || !EscalationRules.IsOverdue(TierDeadline, now))
        {
            return ProblemChange.Empty;
        }

        var tier = CurrentTier(rules);
        if (rules.Ladder.IsTop(TierIndex))
        {
            return RemindIfDue(tier, now, rules);
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"deadline {TierDeadline:yyyy-MM-dd} at {tier.Id} passed");
        return Climb(Actors.System, reason, automatic: true, now, EscalationRules.OverdueFrom(TierDeadline), rules);
    }

    /// <summary>
    /// Repeats <see cref="AutoEscalateIfDue"/> until nothing is due, for catching up after downtime: each missed tier
    /// is entered on the day after the previous deadline and gets its own full limit from there.
    /// </summary>
    public ProblemChange CatchUp(DateTimeOffset now, EscalationRules rules)
    {
        var total = ProblemChange.Empty;
        // Each round either climbs a tier or ends (a reminder is followed by an empty round), so this terminates.
        for (var round = 0; round <= rules.Ladder.Count + 1; round++)
        {
            var step = AutoEscalateIfDue(now, rules);
            if (step.IsEmpty)
            {
                break;
            }

            total = total.Then(step);
        }

        return total;
    }

    /// <summary>
    /// The current tier's deadline counted again from the day the problem entered the tier, with the rules in force
    /// now. A deadline counted across a year whose holiday data was missing (weekdays only, marked provisional) moves
    /// to the true working day once that year's file is dropped in, without a restart; the sweep calls this before
    /// judging anything against the deadline. Nothing changes, and nothing is recorded, while the count is the same.
    /// </summary>
    public ProblemChange RecountDeadline(DateTimeOffset now, EscalationRules rules)
    {
        if (State == ProblemState.Resolved)
        {
            return ProblemChange.Empty;
        }

        var recounted = rules.DeadlineFor(CurrentTier(rules), ShanghaiTime.DateOf(TierEnteredAt));
        if (recounted == TierDeadline)
        {
            return ProblemChange.Empty;
        }

        var before = TierDeadline;
        TierDeadline = recounted;
        var note = string.Create(CultureInfo.InvariantCulture, $"工作日历已更新，本级办理期限由 {before:yyyy-MM-dd} 调整为 {recounted:yyyy-MM-dd}。");
        return new ProblemChange([Record(ProblemAction.DeadlineRecounted, Actors.System, now, now, TierIndex, State, note)], []);
    }

    /// <summary>临期提醒: notices, once per tier visit, that the current deadline is at most one working day away.</summary>
    public ProblemChange NoticeIfDeadlineNear(DateTimeOffset now, EscalationRules rules)
    {
        if (State == ProblemState.Resolved || DeadlineNoticeSent || !rules.IsDeadlineNear(TierDeadline, now))
        {
            return ProblemChange.Empty;
        }

        var tier = CurrentTier(rules);
        DeadlineNoticeSent = true;
        var entry = Record(ProblemAction.DeadlineApproachingNoticed, Actors.System, now, now, TierIndex, State, null);
        return Single(entry, new DeadlineApproaching(Id, ProjectId, Version, now, tier, TierDeadline));
    }

    /// <summary>
    /// The raiser rejects the resolution: open again at the same tier, whose clock restarts now (the tier gets its
    /// full limit again rather than being escalated at once for a deadline it met). <paramref name="onBehalfOfRaiser"/>:
    /// someone the service authorized to act for the raiser (the DRC, an admin) reopens, recorded under their own name.
    /// </summary>
    public ProblemChange Reopen(string by, string reason, DateTimeOffset now, EscalationRules rules, bool onBehalfOfRaiser = false)
    {
        Require(by, EscalationErrorCode.ActorRequired, "Reopening needs the acting user.");
        Require(reason, EscalationErrorCode.ReasonRequired, "Reopening needs a reason for rejecting the resolution.");
        if (!onBehalfOfRaiser && !string.Equals(by, RaisedBy, StringComparison.Ordinal))
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.NotRaiser, "Only the actor who raised the problem may reopen it.");
        }

        if (State != ProblemState.Resolved)
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.NotResolved, "Only a resolved problem can be reopened.");
        }

        var tier = CurrentTier(rules);
        var trimmed = reason.Trim();
        State = ProblemState.Open;
        ClearTierProgress();
        StartClock(tier, now, rules);
        var entry = Record(ProblemAction.Reopened, by, now, now, TierIndex, ProblemState.Resolved, trimmed);
        return Single(entry, new ProblemReopened(Id, ProjectId, Version, now, by, trimmed, tier, TierDeadline));
    }

    /// <summary>
    /// The light of this supervision case's project changed (left RED, or turned RED again). Recorded on the case for
    /// its handlers, who see it on the problem; the case stays where it is: a light can flip on one optimistic report or
    /// a replan, and closing a 督办 with a resolution is a person's decision the audit trail must name.
    /// </summary>
    public ProblemChange NoteProjectLight(ProjectLight light, DateTimeOffset now, EscalationRules rules)
    {
        if (Kind != ProblemKind.Supervision)
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.NotSupervisionCase, "Only a supervision case follows its project's light.");
        }

        var tier = CurrentTier(rules);
        EnsureNotResolved("note a light change on");
        var action = light == ProjectLight.Green ? ProblemAction.ProjectGreenNoted : ProblemAction.ProjectLightNoted;
        var entry = Record(action, Actors.System, now, now, TierIndex, State, LightNote(light));
        return Single(entry, new ProjectLightNoted(Id, ProjectId, Version, now, tier, light));
    }

    // What the case's handlers read in its history (Chinese, like every text people read).
    private static string LightNote(ProjectLight light) => light switch
    {
        ProjectLight.Red => "项目再次转为红灯。",
        ProjectLight.Yellow => "项目已转为黄灯，不再是红灯；督办事项仍需办理单位确认解决后办结。",
        ProjectLight.Green => "项目已转为绿灯；督办事项仍需办理单位确认解决后办结。",
        _ => "项目已不再亮灯（竣工或退出）；督办事项仍需办理单位确认解决后办结。",
    };

    private ProblemChange RemindIfDue(LadderTier tier, DateTimeOffset now, EscalationRules rules)
    {
        var today = ShanghaiTime.DateOf(now);
        if (!rules.Calendar.IsWorkingDay(today) || LastReminderOn >= today)
        {
            return ProblemChange.Empty;
        }

        LastReminderOn = today;
        var entry = Record(ProblemAction.TopTierOverdueReminded, Actors.System, now, now, TierIndex, State, null);
        return Single(entry, new TopTierOverdueReminder(Id, ProjectId, Version, now, tier, TierDeadline, today));
    }

    private ProblemChange Climb(string by, string reason, bool automatic, DateTimeOffset now, DateTimeOffset effectiveAt, EscalationRules rules)
    {
        var from = rules.Ladder.Tiers[TierIndex];
        var to = rules.Ladder.Tiers[TierIndex + 1];
        var fromState = State;
        TierIndex = to.Index;
        State = ProblemState.Open;
        ClearTierProgress();
        StartClock(to, effectiveAt, rules);
        var action = automatic ? ProblemAction.EscalatedAutomatically : ProblemAction.EscalatedByHand;
        var entry = Record(action, by, now, effectiveAt, from.Index, fromState, reason);
        return Single(entry, new ProblemEscalated(Id, ProjectId, Version, now, from, to, automatic, by, reason, effectiveAt, TierDeadline));
    }

    private void StartClock(LadderTier tier, DateTimeOffset enteredAt, EscalationRules rules)
    {
        TierEnteredAt = enteredAt;
        TierDeadline = rules.DeadlineFor(tier, ShanghaiTime.DateOf(enteredAt));
        DeadlineNoticeSent = false;
    }

    private void ClearTierProgress()
    {
        AcknowledgedBy = null;
        AcknowledgedAt = null;
        ResolvedBy = null;
        ResolvedAt = null;
        Resolution = null;
    }

    private ProblemHistoryEntry Record(
        ProblemAction action, string actor, DateTimeOffset now, DateTimeOffset effectiveAt, int fromTier, ProblemState? fromState, string? note)
    {
        Version++;
        return new ProblemHistoryEntry(Id, Version, action, actor, now, effectiveAt, fromTier, TierIndex, fromState, State, TierDeadline, note);
    }

    private LadderTier CurrentTier(EscalationRules rules) =>
        rules.Ladder.TierAtOrNull(TierIndex) ?? throw EscalationErrors.Refusal(
            EscalationErrorCode.InvalidTransition,
            $"The problem is at tier #{TierIndex + 1} but the configured ladder has {rules.Ladder.Count} tiers.");

    private void EnsureNotResolved(string verb)
    {
        if (State == ProblemState.Resolved)
        {
            throw EscalationErrors.Refusal(EscalationErrorCode.AlreadyResolved, $"Cannot {verb} a resolved problem; reopen it first.");
        }
    }

    private static void Require(string? value, EscalationErrorCode code, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw EscalationErrors.Refusal(code, message);
        }
    }

    private static ProblemChange Single(ProblemHistoryEntry entry, ProblemEvent @event) => new([entry], [@event]);
}
