using ProjectHub.Registry.Access;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Access;

/// <summary>The rules themselves, without a host: the query filter and the single-project check must agree.</summary>
public sealed class RegistryAccessTests
{
    private static readonly ProjectRow[] Rows =
    [
        Row("p1", owner: "甲业主", responsible: "甲单位", department: "住建局", leader: "张副市长"),
        Row("p2", owner: "乙业主", responsible: "甲业主", department: "交通局", leader: "李副市长"),
        Row("p3", owner: "丙业主", responsible: "丙单位", department: "住建局", leader: "李副市长"),
    ];

    public static TheoryData<string, string[]> Scopes() => new()
    {
        { "drc", ["p1", "p2", "p3"] },
        { "inspector", ["p1", "p2", "p3"] },
        { "admin", ["p1", "p2", "p3"] },
        { "owner:甲业主", ["p1", "p2"] }, // p2 through its responsible unit
        { "owner:丙单位", ["p3"] },
        { "owner:丁业主", [] },
        { "department:住建局", ["p1", "p3"] },
        { "department:水利局", [] },
        { "leader:李副市长", ["p2", "p3"] },
        { "leader:甲业主", [] }, // a leader's unit is compared with the leader in charge only
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Visible_and_MayRead_agree_on_the_callers_projects(string who, string[] expected)
    {
        var caller = Parse(who);

        Assert.Equal(expected, Rows.AsQueryable().Visible(caller).Select(r => r.Id));
        Assert.Equal(expected, Rows.Where(r => RegistryAccess.MayRead(caller, r)).Select(r => r.Id));
    }

    [Fact]
    public void Only_drc_and_admin_manage_and_only_owners_and_admin_report()
    {
        Assert.True(RegistryAccess.MayManage(TestTokens.Drc));
        Assert.True(RegistryAccess.MayManage(TestTokens.Admin));
        Assert.False(RegistryAccess.MayManage(TestTokens.Inspector));
        Assert.False(RegistryAccess.MayManage(TestTokens.Owner("甲业主")));

        Assert.False(RegistryAccess.MayReport(TestTokens.Drc, Rows[0]));
        Assert.False(RegistryAccess.MayReport(TestTokens.Inspector, Rows[0]));
        Assert.True(RegistryAccess.MayReport(TestTokens.Admin, Rows[0]));
        Assert.True(RegistryAccess.MayReport(TestTokens.Owner("甲单位"), Rows[0]));
        Assert.False(RegistryAccess.MayReport(TestTokens.Owner("甲单位"), Rows[2]));
        Assert.False(RegistryAccess.MayReport(TestTokens.Department("住建局"), Rows[0]));
    }

    [Fact]
    public void A_scoped_role_without_a_unit_sees_nothing()
    {
        var caller = new Caller("someone", Roles.Owner);

        Assert.Empty(Rows.AsQueryable().Visible(caller));
        Assert.DoesNotContain(Rows, r => RegistryAccess.MayRead(caller, r));
    }

    private static Caller Parse(string who) => who.Split(':') switch
    {
        ["drc"] => TestTokens.Drc,
        ["inspector"] => TestTokens.Inspector,
        ["admin"] => TestTokens.Admin,
        ["owner", var unit] => TestTokens.Owner(unit),
        ["department", var unit] => TestTokens.Department(unit),
        ["leader", var unit] => TestTokens.Leader(unit, "VICE_MAYOR"),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private static ProjectRow Row(string id, string owner, string responsible, string department, string leader) => new()
    {
        Id = id,
        OwnerUnit = owner,
        ResponsibleUnit = responsible,
        IndustryDepartment = department,
        LeaderInCharge = leader,
    };
}
