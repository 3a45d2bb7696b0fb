using Google.Protobuf;
using Grpc.Core;
using ProjectHub.BadInput.Tests.Fuzzing;
using ProjectHub.BadInput.Tests.Hosting;

namespace ProjectHub.BadInput.Tests;

/// <summary>
/// Every field of every RPC's request, one hostile value at a time: the answer is a clear status, a refusal changes
/// no row, and what is accepted is stored and read back exactly as sent.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class HostileFieldTests(ServicesFixture services)
{
    private static readonly HashSet<StatusCode> Clear =
        [StatusCode.OK, StatusCode.InvalidArgument, StatusCode.ResourceExhausted, StatusCode.NotFound, StatusCode.FailedPrecondition];

    public static TheoryData<string> Cases => new(HostileCase.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_field_is_refused_clearly_or_kept_verbatim(string id)
    {
        var hostile = HostileCase.All[id];
        var request = await BaseRequests.BuildAsync(hostile.Method, services);
        hostile.ApplyTo(request);
        var host = services.HostOf(hostile.Method.Service);
        var timeout = hostile.Method.IsServerStreaming ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(20);

        var before = await ServicesFixture.SnapshotAsync(host);
        var outcome = await RpcInvoker.CallAsync(host.Channel, hostile.Method, request, ServicesFixture.Admin(timeout));
        var after = await ServicesFixture.SnapshotAsync(host);
        if (outcome.Status == StatusCode.Unavailable)
        {
            outcome = outcome with { Detail = outcome.Detail + await ExplainUnavailableAsync(host, hostile.Method, request, timeout) };
        }

        Assert.True(Clear.Contains(outcome.Status),
            $"{id}: answered {outcome}; hostile input must get OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED, NOT_FOUND or FAILED_PRECONDITION.");
        if (outcome.Status == StatusCode.InvalidArgument)
        {
            Assert.True(outcome.ViolatedFields.Any(hostile.IsAbout),
                $"{id}: answered {outcome}; INVALID_ARGUMENT must name the offending field ({hostile.Path}) in a BadRequest field violation.");
        }

        if (outcome.Status != StatusCode.OK)
        {
            Assert.True(before == after, $"{id}: answered {outcome} but changed the database:\n{Difference(before, after)}");
            return;
        }

        var added = after.AddedSince(before);
        if (!hostile.IsStoredIn(added))
        {
            return; // a read, or the field is one the service ignores (output-only, outside the update mask)
        }

        Assert.False(hostile.Value.MustNotBeStored,
            $"{id}: the hostile value was accepted and stored; it must be refused with INVALID_ARGUMENT naming {hostile.Path}.\n" +
            Difference(before, after));
        if (hostile.Value.Value is string { Length: > 0 } text)
        {
            var echoed = Echoes(outcome.Response, hostile.LeafField).ToList();
            Assert.True(echoed.Count == 0 || echoed.Contains(text),
                $"{id}: accepted and stored, but read back as [{string.Join(", ", echoed)}] instead of \"{text}\".");
        }
    }

    [Fact]
    public void Every_rpc_is_fuzzed_from_a_valid_looking_request()
    {
        var missing = RpcCatalog.Methods.Where(m => !BaseRequests.Has(m) && m.InputType.Fields.InDeclarationOrder().Count > 0)
            .Select(RpcCatalog.Key).ToList();
        Assert.True(missing.Count == 0,
            $"RPCs fuzzed from an empty request (add a builder to {nameof(BaseRequests)}): {string.Join(", ", missing)}");
        Assert.All(RpcCatalog.Methods.Where(m => m.InputType.Fields.InDeclarationOrder().Count > 0),
            m => Assert.Contains(HostileCase.All.Values, c => c.Method == m));
    }

    /// <summary>
    /// An UNAVAILABLE from a live server is usually an answer the client refused: the same request is sent again raw,
    /// accepting any header size, to say what the server really answered and how large its error message was.
    /// </summary>
    private static async Task<string> ExplainUnavailableAsync(
        ProjectHub.Testing.ServiceTestHost host, Google.Protobuf.Reflection.MethodDescriptor method, IMessage request, TimeSpan timeout)
    {
        var payload = request.ToByteArray();
        var (status, message, trailerBytes) = await RawFrames.SendAsync(host.Port, method, RawFrames.Frame((uint)payload.Length, payload), timeout);
        return $" — sent again raw, the server answered {status} with {trailerBytes:N0} bytes of grpc-message/grpc-status-details-bin " +
            $"(the client accepts 64 KiB of headers): \"{(message.Length > 120 ? message[..120] + "…" : message)}\". " +
            "An error message must not echo the hostile value whole.";
    }

    /// <summary>The string values of every field named <paramref name="field"/> anywhere in <paramref name="message"/>.</summary>
    private static IEnumerable<string> Echoes(IMessage? message, string field)
    {
        if (message is null)
        {
            yield break;
        }

        foreach (var descriptor in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = descriptor.Accessor.GetValue(message);
            var values = descriptor.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (var item in values)
            {
                if (item is string text && descriptor.Name == field)
                {
                    yield return text;
                }
                else if (item is IMessage nested)
                {
                    foreach (var inner in Echoes(nested, field))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static string Difference(DatabaseSnapshot before, DatabaseSnapshot after) =>
        string.Join("\n", after.AddedSince(before).Select(l => "+ " + l).Concat(after.RemovedSince(before).Select(l => "- " + l))
            .Select(l => l.Length > 300 ? l[..300] + "…" : l)
            .Take(12));
}
