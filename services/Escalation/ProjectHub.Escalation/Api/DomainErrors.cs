using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Grpc;

namespace ProjectHub.Escalation.Api;

/// <summary>Maps domain refusals to gRPC statuses: bad input names the field, state conflicts carry the code as reason.</summary>
public static class DomainErrors
{
    public static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (EscalationDomainException ex)
        {
            throw ToRpc(ex);
        }
    }

    public static RpcException ToRpc(EscalationDomainException ex) => ex.Category switch
    {
        EscalationErrorCategory.InvalidArgument => RpcException.InvalidArgument(ex.Message, [(FieldOf(ex.Code), ex.Message)]),
        EscalationErrorCategory.PermissionDenied => RpcException.PermissionDenied(ex.Message),
        _ => RpcException.FailedPrecondition(EscalationErrorCodes.WireName(ex.Code), ex.Message),
    };

    private static string FieldOf(EscalationErrorCode code) => code switch
    {
        EscalationErrorCode.ProjectRequired => "project_id",
        EscalationErrorCode.DescriptionRequired => "description",
        EscalationErrorCode.UnknownCategory => "category",
        EscalationErrorCode.ReasonRequired => "reason",
        EscalationErrorCode.ResolutionRequired => "resolution",
        EscalationErrorCode.ActorRequired => "authorization", // the actor is the token's subject
        _ => "",
    };
}
