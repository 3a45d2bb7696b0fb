using System.Reflection;
using Google.Protobuf.Reflection;

namespace ProjectHub.Grpc;

/// <summary>
/// Binds a class to a service of a .proto file. <paramref name="reflectionType"/> is the protoc-generated
/// "...Reflection" class of that file; <paramref name="serviceName"/> is the service's full or short name.
/// Each RPC of the service must be a public method of the class named like the RPC, with the signature of its kind:
/// unary <c>Task&lt;TRes&gt; M(TReq, ServerCallContext)</c>; server streaming
/// <c>Task M(TReq, IServerStreamWriter&lt;TRes&gt;, ServerCallContext)</c>; client streaming
/// <c>Task&lt;TRes&gt; M(IAsyncStreamReader&lt;TReq&gt;, ServerCallContext)</c>; duplex
/// <c>Task M(IAsyncStreamReader&lt;TReq&gt;, IServerStreamWriter&lt;TRes&gt;, ServerCallContext)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrpcServiceAttribute(Type reflectionType, string serviceName) : Attribute
{
    public Type ReflectionType { get; } = reflectionType;

    public string ServiceName { get; } = serviceName;

    internal static ServiceDescriptor DescriptorOf(Type serviceType)
    {
        var attribute = serviceType.GetCustomAttribute<GrpcServiceAttribute>()
            ?? throw new InvalidOperationException($"{serviceType.FullName} has no [GrpcService] attribute.");
        var property = attribute.ReflectionType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{attribute.ReflectionType.FullName} is not a protoc-generated reflection class.");
        var file = (FileDescriptor)property.GetValue(null)!;
        return file.Services.FirstOrDefault(s => s.FullName == attribute.ServiceName || s.Name == attribute.ServiceName)
            ?? throw new InvalidOperationException($"{file.Name} declares no service {attribute.ServiceName}.");
    }
}
