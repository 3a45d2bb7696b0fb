using ProjectHub.Calendar.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Approval.Tests.Service;

[Collection(ApprovalServiceCollection.Name)]
public sealed class CalendarServiceTests(ApprovalServiceFixture service)
{
    [Theory]
    // The three checks of calendar-cn.md.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2025-09-30", 1, "2025-10-09")]
    public async Task AddWorkingDays_follows_holidays_and_adjusted_workdays(string date, int days, string expected)
    {
        var result = await service.Calendar.AddWorkingDaysAsync(new AddWorkingDaysRequest { Date = date, WorkingDays = days }, TestTokens.As(TestTokens.Inspector));

        Assert.Equal(expected, result.Date);
        Assert.True(result.KnownYears);
    }

    [Fact]
    public async Task CountWorkingDays_skips_the_spring_festival()
    {
        var result = await service.Calendar.CountWorkingDaysAsync(new CountWorkingDaysRequest { FromDate = "2026-02-14", ToDate = "2026-02-24" }, TestTokens.As(TestTokens.Owner("某城投集团")));

        Assert.Equal(1, result.WorkingDays);
    }

    [Fact]
    public async Task Invalid_dates_are_invalid_arguments_naming_each_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => service.Calendar.CountWorkingDaysAsync(
            new CountWorkingDaysRequest { FromDate = "2026-02-30", ToDate = "24/02/2026" }, TestTokens.As(TestTokens.Drc)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["from_date", "to_date"], error.FieldViolations().Select(v => v.Field).Order().ToArray());
    }

    public static TheoryData<string> Roles => new(ProjectHub.Security.Roles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Any_authenticated_caller_may_use_the_calendar(string role)
    {
        var caller = new Caller("someone", role, ProjectHub.Security.Roles.NeedsUnit(role) ? "某单位" : null);

        var result = await service.Calendar.CountWorkingDaysAsync(
            new CountWorkingDaysRequest { FromDate = "2026-02-13", ToDate = "2026-02-14" }, TestTokens.As(caller));

        Assert.Equal(1, result.WorkingDays);
    }

    [Fact]
    public async Task The_calendar_needs_a_token()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => service.Calendar.AddWorkingDaysAsync(
            new AddWorkingDaysRequest { Date = "2026-02-13", WorkingDays = 1 }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
