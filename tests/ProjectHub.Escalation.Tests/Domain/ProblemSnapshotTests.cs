using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class ProblemSnapshotTests
{
    [Fact]
    public void A_restored_problem_has_the_same_state_and_carries_on_where_it_left_off()
    {
        var original = RaiseAt(Shanghai(2026, 2, 10, 10));
        original.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules);
        original.Acknowledge("unit-handler", Shanghai(2026, 2, 12, 10), DefaultRules);

        var restored = Problem.Restore(original.ToSnapshot());

        Assert.Equal(original.ToSnapshot(), restored.ToSnapshot());
        Assert.True(restored.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 11), DefaultRules).IsEmpty);
        var change = restored.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 5), DefaultRules);
        Assert.Equal(4, Assert.Single(change.History).Version);
    }
}
