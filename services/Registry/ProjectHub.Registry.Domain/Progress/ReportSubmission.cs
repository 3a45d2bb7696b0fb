namespace ProjectHub.Registry.Domain.Progress;

public static class ReportSubmission
{
    /// <param name="current">The current report for the same period, or null when the period has none.</param>
    /// <param name="submitted">The incoming report.</param>
    public static SubmissionKind Classify(ProgressReport? current, ProgressReport submitted)
    {
        if (current is null)
        {
            return SubmissionKind.New;
        }

        if (current.Period != submitted.Period)
        {
            throw new ArgumentException("The current report must be the one for the submitted report's period.", nameof(current));
        }

        return current.Equals(submitted) ? SubmissionKind.Identical : SubmissionKind.Replaces;
    }
}
