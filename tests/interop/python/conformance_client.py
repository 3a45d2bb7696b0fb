#!/usr/bin/python3
"""Debian's grpcio as a client of a running ProjectHub service, knowing nothing but what reflection tells it.

Every case prints one JSON object on stdout and exits 0 when the service behaved as the case expects, else prints
why on stderr and exits 1 (2 for bad usage or a missing tool). The C# conformance tests
(tests/ProjectHub.Conformance.Tests) run one process per case and assert on that JSON.

  conformance_client.py --address 127.0.0.1:5101 --case CASE [options]

Cases:
  reflection        list services over reflection v1 and v1alpha (both must agree); prints {"services": [...]}
  health            Check --service NAME (default "") and the first message of Watch; prints both statuses
  call              unary --method /pkg.Service/Method with --request JSON (built from the descriptors reflection
                    returns) and --token; prints {"response": <JSON>}
  error             like call, but the call must fail; prints {"code": "INVALID_ARGUMENT", "message": ...,
                    "field_violations": [[field, description], ...], "reason": ...} decoded from
                    grpc-status-details-bin (google.rpc.Status, BadRequest, ErrorInfo)
  deadline          server-streaming --method with --timeout-ms: must end DEADLINE_EXCEEDED
"""

import argparse
import json
import os
import sys

try:
    import grpc
    from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
except ImportError as exc:  # pragma: no cover
    sys.stderr.write("conformance: cannot import grpc/protobuf (%s); install Debian's python3-grpcio and run "
                     "with /usr/bin/python3\n" % exc)
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_protos  # noqa: E402  (reflection and health protos from Debian's grpc-proto)

REFLECTION = {"v1": "grpc.reflection.v1.ServerReflection", "v1alpha": "grpc.reflection.v1alpha.ServerReflection"}


def fail(message):
    sys.stderr.write("conformance: %s\n" % message)
    sys.exit(1)


def message_class(pool, full_name):
    desc = pool.FindMessageTypeByName(full_name)
    get_class = getattr(message_factory, "GetMessageClass", None)
    return get_class(desc) if get_class else message_factory.MessageFactory(pool).GetPrototype(desc)


class Reflection:
    """A reflection client over one channel, for one protocol version."""

    def __init__(self, channel, protos, version):
        self.protos = protos
        package = REFLECTION[version].rsplit(".", 1)[0]
        self.request_type = protos.msg(package + ".ServerReflectionRequest")
        self.response_type = protos.msg(package + ".ServerReflectionResponse")
        self.stream = channel.stream_stream(
            "/%s/ServerReflectionInfo" % REFLECTION[version],
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=self.response_type.FromString)

    def ask(self, **fields):
        responses = list(self.stream(iter([self.request_type(**fields)]), timeout=10))
        if len(responses) != 1:
            fail("reflection answered %d messages to one request" % len(responses))
        response = responses[0]
        if response.HasField("error_response"):
            raise LookupError("reflection error %s: %s" % (response.error_response.error_code, response.error_response.error_message))
        return response

    def services(self):
        return sorted(s.name for s in self.ask(list_services="").list_services_response.service)

    def pool_for(self, symbol):
        """A descriptor pool holding the file that defines symbol and every file it imports."""
        pool = descriptor_pool.DescriptorPool()
        files = {}
        pending = list(self.ask(file_containing_symbol=symbol).file_descriptor_response.file_descriptor_proto)
        while pending:
            fdp = descriptor_pb2.FileDescriptorProto.FromString(pending.pop())
            if fdp.name in files:
                continue
            files[fdp.name] = fdp
            for dep in fdp.dependency:
                if dep not in files:
                    pending.extend(self.ask(file_by_filename=dep).file_descriptor_response.file_descriptor_proto)
        added = set()

        def add(name):  # dependencies first, as the pool requires
            if name in added:
                return
            for dep in files[name].dependency:
                add(dep)
            pool.Add(files[name])
            added.add(name)

        for name in files:
            add(name)
        return pool


def rich_status_types():
    """google.rpc Status, BadRequest and ErrorInfo: the fields this peer reads, declared with their numbers from
    google/rpc/status.proto and error_details.proto (Debian's protoc 3.x cannot compile those files, which use proto3
    `optional`); fields not declared here are kept as unknown fields and ignored."""
    F = descriptor_pb2.FieldDescriptorProto
    rpc = descriptor_pb2.FileDescriptorProto(name="conformance/google_rpc.proto", package="google.rpc", syntax="proto3",
                                             dependency=["google/protobuf/any.proto"])

    def message(name, *fields):
        m = rpc.message_type.add(name=name)
        for number, field_name, kind, label, type_name in fields:
            m.field.add(name=field_name, number=number, type=kind, label=label, type_name=type_name)
        return m

    opt, rep = F.LABEL_OPTIONAL, F.LABEL_REPEATED
    message("Status", (1, "code", F.TYPE_INT32, opt, None), (2, "message", F.TYPE_STRING, opt, None),
            (3, "details", F.TYPE_MESSAGE, rep, ".google.protobuf.Any"))
    bad = message("BadRequest", (1, "field_violations", F.TYPE_MESSAGE, rep, ".google.rpc.BadRequest.FieldViolation"))
    violation = bad.nested_type.add(name="FieldViolation")
    violation.field.add(name="field", number=1, type=F.TYPE_STRING, label=opt)
    violation.field.add(name="description", number=2, type=F.TYPE_STRING, label=opt)
    message("ErrorInfo", (1, "reason", F.TYPE_STRING, opt, None), (2, "domain", F.TYPE_STRING, opt, None))
    for m in rpc.message_type:
        for f in m.field:
            if not f.type_name:
                f.ClearField("type_name")
    pool = descriptor_pool.DescriptorPool()
    from google.protobuf import any_pb2
    any_file = descriptor_pb2.FileDescriptorProto()
    any_pb2.DESCRIPTOR.CopyToProto(any_file)
    pool.Add(any_file)
    pool.Add(rpc)
    return {name: message_class(pool, "google.rpc." + name) for name in ("Status", "BadRequest", "ErrorInfo")}


def unary(channel, reflection, method, request_json, token, timeout):
    """Calls method with the request built from reflection's descriptors; a method the server does not describe is
    called with an empty message, so the server itself answers for it."""
    service, name = method.strip("/").split("/")
    metadata = [("authorization", "Bearer " + token)] if token else []
    try:
        pool = reflection.pool_for(service)
        desc = pool.FindServiceByName(service).FindMethodByName(name)
    except (LookupError, KeyError):
        desc = None
    if desc is None:
        if json.loads(request_json or "{}"):
            fail("%s is not described by the server's reflection, so only an empty request can be sent" % method)
        call = channel.unary_unary(method, request_serializer=lambda b: b, response_deserializer=lambda b: b)
        return call(b"", timeout=timeout, metadata=metadata)
    request = json_format.Parse(request_json or "{}", message_class(pool, desc.input_type.full_name)())
    response_type = message_class(pool, desc.output_type.full_name)
    call = channel.unary_unary(method, request_serializer=lambda m: m.SerializeToString(),
                               response_deserializer=response_type.FromString)
    return call(request, timeout=timeout, metadata=metadata)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", required=True)
    parser.add_argument("--case", required=True, choices=["reflection", "health", "call", "error", "deadline"])
    parser.add_argument("--service", default="")
    parser.add_argument("--method")
    parser.add_argument("--request", default="{}")
    parser.add_argument("--token", default="")
    parser.add_argument("--timeout-ms", type=int, default=10000)
    args = parser.parse_args()

    protos = interop_protos.Protos()
    channel = grpc.insecure_channel(args.address)
    reflection = Reflection(channel, protos, "v1")
    timeout = args.timeout_ms / 1000.0

    if args.case == "reflection":
        v1 = reflection.services()
        v1alpha = Reflection(channel, protos, "v1alpha").services()
        if v1 != v1alpha:
            fail("reflection v1 lists %s but v1alpha lists %s" % (v1, v1alpha))
        print(json.dumps({"services": v1}))
    elif args.case == "health":
        request = protos.msg("grpc.health.v1.HealthCheckRequest")(service=args.service)
        response_type = protos.msg("grpc.health.v1.HealthCheckResponse")
        status_name = response_type.DESCRIPTOR.fields_by_name["status"].enum_type.values_by_number
        check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=lambda m: m.SerializeToString(),
                                    response_deserializer=response_type.FromString)
        watch = channel.unary_stream("/grpc.health.v1.Health/Watch", request_serializer=lambda m: m.SerializeToString(),
                                     response_deserializer=response_type.FromString)
        checked = status_name[check(request, timeout=timeout).status].name
        stream = watch(request, timeout=timeout)
        watched = status_name[next(stream).status].name
        stream.cancel()
        print(json.dumps({"check": checked, "watch": watched}))
    elif args.case == "call":
        response = unary(channel, reflection, args.method, args.request, args.token, timeout)
        print(json.dumps({"response": json.loads(json_format.MessageToJson(response))}, ensure_ascii=False))
    elif args.case == "error":
        types = rich_status_types()
        try:
            unary(channel, reflection, args.method, args.request, args.token, timeout)
        except grpc.RpcError as error:
            result = {"code": error.code().name, "message": error.details(), "field_violations": [], "reason": ""}
            details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
            if details:
                status = types["Status"].FromString(details)
                if status.code != error.code().value[0]:
                    fail("grpc-status-details-bin says code %d, the call ended %s" % (status.code, error.code().name))
                for any_detail in status.details:
                    if any_detail.type_url.endswith("/google.rpc.BadRequest"):
                        bad = types["BadRequest"].FromString(any_detail.value)
                        result["field_violations"] = [[v.field, v.description] for v in bad.field_violations]
                    elif any_detail.type_url.endswith("/google.rpc.ErrorInfo"):
                        result["reason"] = types["ErrorInfo"].FromString(any_detail.value).reason
            print(json.dumps(result, ensure_ascii=False))
            return
        fail("%s succeeded; the case expects it to fail" % args.method)
    elif args.case == "deadline":
        service, name = args.method.strip("/").split("/")
        pool = reflection.pool_for(service)
        desc = pool.FindServiceByName(service).FindMethodByName(name)
        request = json_format.Parse(args.request, message_class(pool, desc.input_type.full_name)())
        stream = channel.unary_stream(args.method, request_serializer=lambda m: m.SerializeToString(),
                                      response_deserializer=message_class(pool, desc.output_type.full_name).FromString)
        try:
            for _ in stream(request, timeout=timeout, metadata=[("authorization", "Bearer " + args.token)]):
                pass
        except grpc.RpcError as error:
            print(json.dumps({"code": error.code().name}))
            return
        fail("the stream ended without an error before its deadline")


if __name__ == "__main__":
    main()
