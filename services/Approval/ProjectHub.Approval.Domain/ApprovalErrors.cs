using System.Text;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Domain;

/// <summary>The approval rules' refusals, as the one domain-error type every service throws.</summary>
public static class ApprovalErrors
{
    /// <summary>
    /// A refusal with <paramref name="reason"/> as its machine-readable reason (e.g. NOT_ACCEPTED) and the status family
    /// its <see cref="CategoryOf">category</see> calls for. Bad input also names the request field: <paramref name="field"/>
    /// is the domain's argument name (camelCase, e.g. <c>departmentId</c>), reported as the proto field (department_id).
    /// </summary>
    public static DomainException Refusal(ApprovalErrorReason reason, string message, string? field = null)
    {
        var code = DomainException.ReasonOf(reason);
        return CategoryOf(reason) switch
        {
            ApprovalErrorCategory.FailedPrecondition => DomainException.Precondition(code, message),
            ApprovalErrorCategory.NotFound => DomainException.NotFound(message, code),
            _ => DomainException.Invalid(message, [new FieldViolation(WireField(field), message)], code),
        };
    }

    /// <summary>How a refusal with <paramref name="reason"/> is reported.</summary>
    public static ApprovalErrorCategory CategoryOf(ApprovalErrorReason reason) => reason switch
    {
        ApprovalErrorReason.AlreadySubmitted
            or ApprovalErrorReason.NotSubmitted
            or ApprovalErrorReason.AlreadyAccepted
            or ApprovalErrorReason.NotAccepted
            or ApprovalErrorReason.AlreadyApproved
            or ApprovalErrorReason.DepartmentAlreadyApproved => ApprovalErrorCategory.FailedPrecondition,
        ApprovalErrorReason.ItemNotRequired => ApprovalErrorCategory.NotFound,
        _ => ApprovalErrorCategory.InvalidArgument,
    };

    /// <summary>A domain argument name (camelCase) as the proto field path names it (snake_case); "" for none.</summary>
    public static string WireField(string? field)
    {
        if (field is null)
        {
            return "";
        }

        var builder = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
