using ProjectHub.Escalation.Domain.Errors;

namespace ProjectHub.Escalation.Tests.Domain;

public class ErrorCodeTests
{
    [Theory]
    [InlineData(EscalationErrorCode.ActorRequired, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.ProjectRequired, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.DescriptionRequired, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.UnknownCategory, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.UnknownKind, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.ReasonRequired, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.ResolutionRequired, EscalationErrorCategory.InvalidArgument)]
    [InlineData(EscalationErrorCode.AlreadyResolved, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.AlreadyAcknowledged, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.NotResolved, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.TopTierReached, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.NotSupervisionCase, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.InvalidTransition, EscalationErrorCategory.FailedPrecondition)]
    [InlineData(EscalationErrorCode.NotRaiser, EscalationErrorCategory.PermissionDenied)]
    public void Every_code_maps_to_its_status_family(EscalationErrorCode code, EscalationErrorCategory category) =>
        Assert.Equal(category, EscalationErrorCodes.CategoryOf(code));

    [Fact]
    public void The_table_above_covers_every_code()
    {
        // Guards against a new code silently defaulting to FAILED_PRECONDITION without a decision.
        Assert.Equal(14, Enum.GetValues<EscalationErrorCode>().Length);
    }

    [Theory]
    [InlineData(EscalationErrorCode.TopTierReached, "TOP_TIER_REACHED")]
    [InlineData(EscalationErrorCode.NotRaiser, "NOT_RAISER")]
    [InlineData(EscalationErrorCode.AlreadyResolved, "ALREADY_RESOLVED")]
    public void Wire_names_are_upper_snake_case(EscalationErrorCode code, string wire) =>
        Assert.Equal(wire, EscalationErrorCodes.WireName(code));
}
