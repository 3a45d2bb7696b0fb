namespace ProjectHub.Escalation.Domain.Supervision;

public enum SupervisionDecision
{
    /// <summary>No supervision consequence.</summary>
    Nothing,

    /// <summary>Open a supervision case (督办) at tier 1.</summary>
    Open,

    /// <summary>RED again while a case is open: the existing case covers it; nothing new is opened, the case notes it.</summary>
    NoteRed,

    /// <summary>
    /// The project's light changed to something other than RED (GREEN, YELLOW, or no light) while a case is open: note it
    /// on the case, which stays open.
    /// </summary>
    NoteLight,
}
