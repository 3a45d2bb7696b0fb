using System.Text;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Domain;
using ProjectHub.Grpc;

namespace ProjectHub.Approval.Wire;

/// <summary>Turns a refused domain operation into the gRPC status its category calls for.</summary>
public static class DomainErrors
{
    public static RpcException ToRpc(this ApprovalDomainException error) => error.Category switch
    {
        ApprovalErrorCategory.NotFound => RpcException.NotFound(error.Message),
        ApprovalErrorCategory.FailedPrecondition => RpcException.FailedPrecondition(Screaming(error.Reason.ToString()), error.Message),
        _ => RpcException.InvalidArgument(error.Message, [(WireField(error.Field), error.Message)]),
    };

    /// <summary>Runs a handler, reporting domain refusals as gRPC statuses.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> handler)
    {
        try
        {
            return await handler();
        }
        catch (ApprovalDomainException error)
        {
            throw error.ToRpc();
        }
        catch (DbUpdateException)
        {
            // A concurrent request changed the same item (version or timeline key) or opened the same project's
            // case first; nothing of this request was saved, and a retry sees the winner's state.
            throw new RpcException(StatusCode.Aborted, "A concurrent change to the same case won; retry the request.");
        }
    }

    /// <summary>Domain field names are camelCase; proto field paths are snake_case.</summary>
    private static string WireField(string? field) => field is null ? "" : SnakeCase(field);

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
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

    private static string Screaming(string pascal) => SnakeCase(pascal).TrimStart('_').ToUpperInvariant();
}
