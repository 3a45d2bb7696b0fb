namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// Decides whether a new assessment is worth keeping. A light change is recorded and published (it drives
/// alerts and supervision cases). A change of reasons under the same light is recorded but not published:
/// inspectors reading the history need to see that a red project went from "lagging" to "suspended", while
/// recipients of alerts would only be told again what they already know.
/// Reasons are compared by code and subject, not by sentence: the sentences carry day counts that change
/// every day, and a daily re-evaluation must not fill the history with "22 days", "23 days", ...
/// </summary>
public sealed record LightChange(LightChangeKind Kind)
{
    public bool ShouldRecord => Kind != LightChangeKind.None;

    public bool ShouldPublish => Kind == LightChangeKind.LightChanged;

    /// <param name="previousLight">The last recorded light; <see cref="Light.None"/> when never assessed.</param>
    /// <param name="previousReasons">The reasons recorded with it.</param>
    /// <param name="next">The new assessment.</param>
    public static LightChange Between(Light previousLight, IEnumerable<LightReason> previousReasons, LightAssessment next)
    {
        if (previousLight != next.Light)
        {
            return new LightChange(LightChangeKind.LightChanged);
        }

        var before = previousReasons.Select(Key).ToHashSet();
        return before.SetEquals(next.Reasons.Select(Key))
            ? new LightChange(LightChangeKind.None)
            : new LightChange(LightChangeKind.ReasonsChanged);
    }

    private static (string Code, string? Subject) Key(LightReason reason) => (reason.Code, reason.Subject);
}
