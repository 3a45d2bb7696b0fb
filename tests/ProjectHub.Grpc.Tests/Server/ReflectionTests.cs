using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class ReflectionTests : IAsyncLifetime
{
    private static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Info =
        Method<ServerReflectionRequest, ServerReflectionResponse>.Create(
            ReflectionReflection.Descriptor.Services[0], "ServerReflectionInfo", MethodType.DuplexStreaming);

    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await ProbeServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Lists_every_service_served_on_the_port()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "*" });
        Assert.Equal(
        [
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
            "grpc.testing.TestService", "projecthub.testing.ProbeService",
        ], response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task File_containing_a_service_comes_with_its_dependencies_and_builds()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.TestService" });

        var protos = response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        Assert.Equal("grpc/testing/test.proto", protos[0].Name);
        Assert.Contains(protos[0].Service, s => s.Name == "TestService" && s.Method.Any(m => m.Name == "FullDuplexCall"));
        Assert.Equal(["grpc/testing/empty.proto", "grpc/testing/messages.proto"], protos.Skip(1).Select(p => p.Name).Order(StringComparer.Ordinal));

        // Complete enough for a tool to rebuild the descriptors: every import is in the answer.
        var built = FileDescriptor.BuildFromByteStrings(response.FileDescriptorResponse.FileDescriptorProto.Reverse());
        var service = built.Single(f => f.Name == "grpc/testing/test.proto").Services.Single();
        Assert.Equal("grpc.testing.SimpleRequest", service.FindMethodByName("UnaryCall").InputType.FullName);
    }

    [Theory]
    [InlineData("grpc.testing.TestService.UnaryCall", "grpc/testing/test.proto")]
    [InlineData("grpc.testing.SimpleRequest", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.PayloadType", "grpc/testing/messages.proto")]
    [InlineData("projecthub.testing.ProbeService", "projecthub/testing/probe.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    public async Task Finds_the_file_of_methods_messages_and_enums(string symbol, string file)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        Assert.Equal(file, FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public async Task File_by_name()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = "grpc/testing/empty.proto" });
        Assert.Equal("grpc/testing/empty.proto", FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public async Task Unknown_symbol_is_not_found_in_the_stream_not_as_the_call_status()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "projecthub.no.such.Symbol" });
        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task Several_questions_on_one_stream()
    {
        using var call = _channel.DuplexStreamingCall(Info, new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(10)));
        foreach (var symbol in new[] { "grpc.testing.TestService", "grpc.health.v1.Health", "nope" })
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(symbol, call.ResponseStream.Current.OriginalRequest.FileContainingSymbol);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = _channel.DuplexStreamingCall(Info, new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(10)));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var response = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext());
        return response;
    }
}
