using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProjectHub.Approval.Domain;
using ProjectHub.Calendar;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Tests;

internal static class Fixtures
{
    public static readonly WorkingCalendar ChinaCalendar = WorkingCalendar.LoadDefault();

    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>10:00 Asia/Shanghai on the given date.</summary>
    public static DateTimeOffset At(string iso, int hour = 10) => new(D(iso).ToDateTime(new TimeOnly(hour, 0)), Shanghai);

    /// <summary>A valid document whose hash derives from <paramref name="content"/>.</summary>
    public static DocumentReference Doc(string name, string? content = null)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content ?? name)));
        return DocumentReference.Create(name, hash, 1024, $"approvals/{name}");
    }

    public static readonly DocumentReference[] Docs = [Doc("application.pdf")];

    public static ApprovalItem SingleDepartmentItem(int limit = 5, ApprovalItemKind kind = ApprovalItemKind.ConstructionPermit) =>
        new(new RequiredItem(kind, "施工许可", [Department.HousingAndConstruction], limit, limit));

    public static readonly Department[] ThreeDepartments =
        [Department.Drc, Department.HousingAndConstruction, Department.NaturalResourcesAndPlanning];

    public static ApprovalItem JointItem(int limit = 10) =>
        new(new RequiredItem(ApprovalItemKind.PreliminaryDesign, "初步设计", ThreeDepartments, limit, limit));

    /// <summary>Submitted on <paramref name="submitted"/> and accepted by its first department on <paramref name="accepted"/>.</summary>
    public static ApprovalItem InReview(ApprovalItem item, string submitted, string accepted)
    {
        item.Submit(Docs, "owner", At(submitted));
        item.Accept(item.Reviews[0].Department.Id, "clerk", At(accepted));
        return item;
    }

    public static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    /// <summary>The kind of refusal (and so the status family) each category of reason is reported as.</summary>
    public static DomainErrorKind KindOf(ApprovalErrorCategory category) => category switch
    {
        ApprovalErrorCategory.FailedPrecondition => DomainErrorKind.FailedPrecondition,
        ApprovalErrorCategory.NotFound => DomainErrorKind.NotFound,
        _ => DomainErrorKind.InvalidArgument,
    };
}
