using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using ProjectHub.Grpc.Server;

namespace ProjectHub.Grpc.Reflection;

/// <summary>Answers reflection requests from the descriptors of the services served on a port.</summary>
internal sealed class ReflectionResolver(ServiceCatalog catalog)
{
    public ServerReflectionResponse Answer(ServerReflectionRequest request, int port)
    {
        var services = catalog.ServicesOn(port);
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(services.Select(s => new ServiceResponse { Name = s.FullName }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                var byName = AllFiles(services).FirstOrDefault(f => f.Name == request.FileByFilename);
                SetFileOrError(response, byName, $"File not found: {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFileOrError(response, FindSymbol(services, request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                var type = AllFiles(services).SelectMany(AllMessages).FirstOrDefault(m => m.FullName == request.AllExtensionNumbersOfType);
                if (type is null)
                {
                    SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                }
                else
                {
                    // proto3 files declare no extensions.
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = type.FullName };
                }

                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, "Extensions are not used by this server.");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "Empty or unknown reflection request.");
                break;
        }

        return response;
    }

    private static void SetFileOrError(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.AddRange(WithDependencies(file).Select(f => f.SerializedData));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };

    private static FileDescriptor? FindSymbol(IEnumerable<ServiceDescriptor> services, string symbol)
    {
        foreach (var file in AllFiles(services))
        {
            if (file.Services.Any(s => s.FullName == symbol || s.Methods.Any(m => m.FullName == symbol))
                || AllMessages(file).Any(m => m.FullName == symbol || m.EnumTypes.Any(e => e.FullName == symbol))
                || file.EnumTypes.Any(e => e.FullName == symbol))
            {
                return file;
            }
        }

        return null;
    }

    private static IEnumerable<FileDescriptor> AllFiles(IEnumerable<ServiceDescriptor> services) =>
        services.Select(s => s.File).SelectMany(WithDependencies).DistinctBy(f => f.Name);

    /// <summary>The file first, then everything it imports, transitively, each once.</summary>
    private static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FileDescriptor>([file]);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name))
            {
                continue;
            }

            yield return next;
            foreach (var dependency in next.Dependencies)
            {
                pending.Enqueue(dependency);
            }
        }
    }

    private static IEnumerable<MessageDescriptor> AllMessages(FileDescriptor file) => file.MessageTypes.SelectMany(Flatten);

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        new[] { message }.Concat(message.NestedTypes.SelectMany(Flatten));
}
