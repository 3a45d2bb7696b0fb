namespace ProjectHub.Security;

/// <summary>The claims a ProjectHub token carries besides the standard iss/aud/exp/iat.</summary>
public static class ProjectHubClaims
{
    /// <summary>Who acts; recorded as the actor in every audit record.</summary>
    public const string Subject = "sub";

    /// <summary>A display name (may be Chinese), for people reading audit trails.</summary>
    public const string Name = "name";

    /// <summary>One of <see cref="Roles"/>.</summary>
    public const string Role = "role";

    /// <summary>
    /// The unit the caller acts for, spelled exactly as projects name it: the owner unit (业主单位) for an owner, the
    /// industry department (e.g. 住建局) for a department, the leader's name as "leader in charge" (e.g. 张副市长)
    /// for a leader. Alerts addressed to that name are the caller's.
    /// </summary>
    public const string Unit = "unit";

    /// <summary>For a leader: the ladder tier ids it handles (e.g. VICE_MAYOR); may repeat.</summary>
    public const string Tier = "tier";
}
