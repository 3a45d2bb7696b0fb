using System.Text;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ProjectHub.BadInput.Tests.Fuzzing;
using ProjectHub.BadInput.Tests.Hosting;

namespace ProjectHub.BadInput.Tests;

/// <summary>
/// Broken frames sent to every RPC: each kind is one test that lists every RPC that answered wrongly, and no
/// broken frame changes a row.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class FramingTests(ServicesFixture services)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task A_truncated_frame_is_an_invalid_argument() =>
        EveryRpcAnswersAsync("a frame whose header says 100 bytes followed by 10", StatusCode.InvalidArgument,
            _ => RawFrames.Frame(100, new byte[10]));

    [Fact]
    public Task Bytes_that_are_not_protobuf_are_an_invalid_argument() =>
        // A zero tag is invalid in every protobuf message, whatever its fields.
        EveryRpcAnswersAsync("a frame of bytes that are not protobuf", StatusCode.InvalidArgument,
            _ => NotProtobuf());

    [Fact]
    public Task A_frame_over_the_size_limit_is_resource_exhausted() =>
        EveryRpcAnswersAsync("a frame one byte over the server's MaxReceiveMessageSize", StatusCode.ResourceExhausted,
            method =>
            {
                var limit = ServicesFixture.MaxReceiveMessageSize(services.HostOf(method.Service));
                return RawFrames.Frame((uint)limit + 1, new byte[limit + 1]);
            });

    private static byte[] NotProtobuf()
    {
        var payload = new byte[] { 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }.Concat(Encoding.UTF8.GetBytes("{\"not\":\"protobuf\"}")).ToArray();
        return RawFrames.Frame((uint)payload.Length, payload);
    }

    private async Task EveryRpcAnswersAsync(string what, StatusCode expected, Func<MethodDescriptor, byte[]> body)
    {
        var wrong = new List<string>();
        var before = await services.SnapshotAsync();
        foreach (var method in RpcCatalog.Methods)
        {
            var host = services.HostOf(method.Service);
            var (status, message, _) = await RawFrames.SendAsync(host.Port, method, body(method), Timeout);
            if (status != expected)
            {
                wrong.Add($"{RpcCatalog.Key(method)}: {status} \"{message}\"");
            }
        }

        Assert.True(wrong.Count == 0, $"Sent {what}; expected {expected} from every RPC, but:\n{string.Join("\n", wrong)}");
        Assert.True(before == await services.SnapshotAsync(), $"Sent {what}; the database changed.");
    }
}
