#!/usr/bin/python3
"""gRPC interop test server (grpc.testing.TestService) on Debian's grpcio.

Usage: interop_server.py --port N [--host 127.0.0.1] [--max_receive_message_length BYTES]

  --port 0 picks a free port. Once serving, the server prints exactly one line
  `LISTENING <port>` on stdout (flushed); everything else goes to stderr.
  It stops cleanly on SIGTERM/SIGINT, and when its stdin is a pipe or socket
  that reaches EOF (so a crashed parent test process does not leak it).

Services: grpc.testing.TestService (UnimplementedCall deliberately missing),
grpc.health.v1.Health (Check + Watch; "" and grpc.testing.TestService are
SERVING, anything else NOT_FOUND), grpc.reflection.v1 and v1alpha
ServerReflection. Health and reflection are implemented here from the protos
because Debian ships neither grpcio-health-checking nor grpcio-reflection.

Limitation (grpcio 1.51): a handler cannot see whether a request message was
compressed, so `expect_compressed` is accepted but not enforced.
"""

import argparse
import os
import signal
import stat
import sys
import threading
import time
from concurrent import futures

import interop_protos as ip
import grpc

P = ip.Protos()
Empty = P.msg("grpc.testing.Empty")
Payload = P.msg("grpc.testing.Payload")
SimpleRequest = P.msg("grpc.testing.SimpleRequest")
SimpleResponse = P.msg("grpc.testing.SimpleResponse")
StreamingInputCallRequest = P.msg("grpc.testing.StreamingInputCallRequest")
StreamingInputCallResponse = P.msg("grpc.testing.StreamingInputCallResponse")
StreamingOutputCallRequest = P.msg("grpc.testing.StreamingOutputCallRequest")
StreamingOutputCallResponse = P.msg("grpc.testing.StreamingOutputCallResponse")
HealthCheckRequest = P.msg("grpc.health.v1.HealthCheckRequest")
HealthCheckResponse = P.msg("grpc.health.v1.HealthCheckResponse")

SERVING = 1
SERVICE_UNKNOWN = 3


def log(msg):
    sys.stderr.write("interop_server: %s\n" % msg)
    sys.stderr.flush()


def make_payload(size):
    if size < 0:
        raise ValueError("negative payload size")
    return Payload(type=0, body=b"\0" * size)


def echo_metadata(context):
    """Echo the interop test metadata: initial now, trailing when the call ends."""
    initial, trailing = [], []
    for key, value in context.invocation_metadata():
        if key == ip.ECHO_INITIAL_KEY:
            initial.append((key, value))
        elif key == ip.ECHO_TRAILING_KEY:
            trailing.append((key, value))
    if initial:
        context.send_initial_metadata(tuple(initial))
    if trailing:
        context.set_trailing_metadata(tuple(trailing))


def abort_if_status_requested(request, context):
    if request.HasField("response_status") and request.response_status.code != 0:
        context.abort(ip.status_code_from_int(request.response_status.code),
                      request.response_status.message)


# grpc.testing.TestService ------------------------------------------------------

def empty_call(request, context):
    echo_metadata(context)
    return Empty()


def unary_call(request, context):
    echo_metadata(context)
    if request.HasField("response_compressed") and request.response_compressed.value:
        context.set_compression(grpc.Compression.Gzip)
    abort_if_status_requested(request, context)
    return SimpleResponse(payload=make_payload(request.response_size))


def cacheable_unary_call(request, context):
    return unary_call(request, context)


def streaming_output_call(request, context):
    echo_metadata(context)
    params = list(request.response_parameters)
    any_compressed = any(p.HasField("compressed") and p.compressed.value for p in params)
    if any_compressed:
        context.set_compression(grpc.Compression.Gzip)
    for p in params:
        if p.interval_us > 0:
            time.sleep(p.interval_us / 1e6)
        if not context.is_active():
            return
        if any_compressed and not (p.HasField("compressed") and p.compressed.value):
            context.disable_next_message_compression()
        yield StreamingOutputCallResponse(payload=make_payload(p.size))
    abort_if_status_requested(request, context)


def streaming_input_call(request_iterator, context):
    echo_metadata(context)
    total = 0
    for req in request_iterator:
        total += len(req.payload.body)
    return StreamingInputCallResponse(aggregated_payload_size=total)


def full_duplex_call(request_iterator, context):
    echo_metadata(context)
    for req in request_iterator:
        abort_if_status_requested(req, context)
        for p in req.response_parameters:
            if p.interval_us > 0:
                time.sleep(p.interval_us / 1e6)
            if not context.is_active():
                return
            yield StreamingOutputCallResponse(payload=make_payload(p.size))


def half_duplex_call(request_iterator, context):
    echo_metadata(context)
    requests = list(request_iterator)
    for req in requests:
        abort_if_status_requested(req, context)
        for p in req.response_parameters:
            if p.interval_us > 0:
                time.sleep(p.interval_us / 1e6)
            yield StreamingOutputCallResponse(payload=make_payload(p.size))


def test_service_handler():
    u = grpc.unary_unary_rpc_method_handler
    s = grpc.unary_stream_rpc_method_handler
    c = grpc.stream_unary_rpc_method_handler
    b = grpc.stream_stream_rpc_method_handler
    return grpc.method_handlers_generic_handler(ip.TEST_SERVICE, {
        "EmptyCall": u(empty_call, Empty.FromString, Empty.SerializeToString),
        "UnaryCall": u(unary_call, SimpleRequest.FromString, SimpleResponse.SerializeToString),
        "CacheableUnaryCall": u(cacheable_unary_call, SimpleRequest.FromString,
                                SimpleResponse.SerializeToString),
        "StreamingOutputCall": s(streaming_output_call, StreamingOutputCallRequest.FromString,
                                 StreamingOutputCallResponse.SerializeToString),
        "StreamingInputCall": c(streaming_input_call, StreamingInputCallRequest.FromString,
                                StreamingInputCallResponse.SerializeToString),
        "FullDuplexCall": b(full_duplex_call, StreamingOutputCallRequest.FromString,
                            StreamingOutputCallResponse.SerializeToString),
        "HalfDuplexCall": b(half_duplex_call, StreamingOutputCallRequest.FromString,
                            StreamingOutputCallResponse.SerializeToString),
        # UnimplementedCall is intentionally absent: the runtime answers UNIMPLEMENTED.
    })


# grpc.health.v1.Health ---------------------------------------------------------

HEALTHY_SERVICES = {"": SERVING, ip.TEST_SERVICE: SERVING}


def health_check(request, context):
    status = HEALTHY_SERVICES.get(request.service)
    if status is None:
        context.abort(grpc.StatusCode.NOT_FOUND, "unknown service: %s" % request.service)
    return HealthCheckResponse(status=status)


def health_watch(request, context):
    yield HealthCheckResponse(status=HEALTHY_SERVICES.get(request.service, SERVICE_UNKNOWN))
    # Statuses never change here: hold the stream open until the client goes away.
    while context.is_active():
        time.sleep(0.05)


def health_handler():
    return grpc.method_handlers_generic_handler(ip.HEALTH_SERVICE, {
        "Check": grpc.unary_unary_rpc_method_handler(
            health_check, HealthCheckRequest.FromString, HealthCheckResponse.SerializeToString),
        "Watch": grpc.unary_stream_rpc_method_handler(
            health_watch, HealthCheckRequest.FromString, HealthCheckResponse.SerializeToString),
    })


# grpc.reflection.{v1,v1alpha}.ServerReflection ----------------------------------

def reflection_handler(version, served_services):
    service = ip.REFLECTION_SERVICES[version]
    pkg = service.rsplit(".", 1)[0]
    Req = P.msg(pkg + ".ServerReflectionRequest")
    Resp = P.msg(pkg + ".ServerReflectionResponse")
    NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]
    INVALID_ARGUMENT = grpc.StatusCode.INVALID_ARGUMENT.value[0]

    def answer(req):
        resp = Resp(valid_host=req.host)
        resp.original_request.CopyFrom(req)
        kind = req.WhichOneof("message_request")
        try:
            if kind == "list_services":
                for name in served_services:
                    resp.list_services_response.service.add(name=name)
            elif kind == "file_by_filename":
                if req.file_by_filename not in P.files:
                    raise KeyError(req.file_by_filename)
                resp.file_descriptor_response.file_descriptor_proto.extend(
                    P.file_with_deps(req.file_by_filename))
            elif kind == "file_containing_symbol":
                fd = P.pool.FindFileContainingSymbol(req.file_containing_symbol)
                resp.file_descriptor_response.file_descriptor_proto.extend(
                    P.file_with_deps(fd.name))
            elif kind == "file_containing_extension":
                raise KeyError("no extensions are registered")
            elif kind == "all_extension_numbers_of_type":
                P.pool.FindMessageTypeByName(req.all_extension_numbers_of_type)
                resp.all_extension_numbers_response.base_type_name = \
                    req.all_extension_numbers_of_type
            else:
                resp.error_response.error_code = INVALID_ARGUMENT
                resp.error_response.error_message = "unsupported request: %s" % kind
        except KeyError as exc:
            resp.ClearField("message_response")
            resp.error_response.error_code = NOT_FOUND
            resp.error_response.error_message = "not found: %s" % (exc.args[0] if exc.args else kind)
        return resp

    def info(request_iterator, context):
        for req in request_iterator:
            yield answer(req)

    return grpc.method_handlers_generic_handler(service, {
        "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
            info, Req.FromString, Resp.SerializeToString),
    })


# main ----------------------------------------------------------------------------

def watch_stdin(stop_event):
    """Stop when stdin is a pipe/socket that closes (parent died or closed it)."""
    try:
        mode = os.fstat(0).st_mode
    except OSError:
        return
    if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        return  # /dev/null, tty, file: not a lifeline

    def run():
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        log("stdin closed, stopping")
        stop_event.set()

    threading.Thread(target=run, name="stdin-watch", daemon=True).start()


def main():
    ap = argparse.ArgumentParser(description="gRPC interop test server (grpcio %s)" % grpc.__version__)
    ap.add_argument("--port", type=int, required=True, help="port to listen on; 0 = pick a free one")
    ap.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ap.add_argument("--max_receive_message_length", type=int, default=ip.DEFAULT_MAX_MESSAGE_SIZE,
                    help="max request message size in bytes (default 4194304)")
    ap.add_argument("--max_workers", type=int, default=64)
    ap.add_argument("--use_tls", default="false", choices=["false"], help="only plaintext is supported")
    args = ap.parse_args()

    served = [ip.TEST_SERVICE, ip.HEALTH_SERVICE,
              ip.REFLECTION_SERVICES["v1"], ip.REFLECTION_SERVICES["v1alpha"]]
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=args.max_workers),
        options=[("grpc.max_receive_message_length", args.max_receive_message_length),
                 ("grpc.max_send_message_length", -1),
                 ("grpc.so_reuseport", 0)])
    server.add_generic_rpc_handlers((
        test_service_handler(),
        health_handler(),
        reflection_handler("v1", served),
        reflection_handler("v1alpha", served),
    ))
    host = "[%s]" % args.host if ":" in args.host else args.host
    port = server.add_insecure_port("%s:%d" % (host, args.port))
    if port == 0:
        log("could not bind %s:%d" % (args.host, args.port))
        return 1
    server.start()

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    watch_stdin(stop)

    sys.stdout.write("LISTENING %d\n" % port)
    sys.stdout.flush()
    log("grpcio %s serving on %s:%d" % (grpc.__version__, args.host, port))

    while not stop.wait(0.5):
        pass
    server.stop(grace=1).wait(3)
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
