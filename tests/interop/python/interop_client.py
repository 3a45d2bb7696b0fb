#!/usr/bin/python3
"""gRPC interop test client on Debian's grpcio (plaintext HTTP/2).

Usage: interop_client.py --server_host 127.0.0.1 --server_port N --test_case NAME[,NAME...]|all
                         [--rpc_timeout_s 30] [--max_message_size 4194304] [--limit_margin 16]
                         [--expect_services a,b,c] [--reflection_versions v1,v1alpha]
                         [--skip_compression_probe] [--list]

Exit status: 0 when every selected case passed; 1 when any failed (each failure
is printed as `FAIL <case>: <reason>` on stderr); 2 on a usage/setup error.
Each case prints `PASS <case>` on stdout when it passes.

The cases follow the public gRPC interop test descriptions, plus ProjectHub
additions (large_unary_near_limit, large_unary_over_limit, health_check,
health_watch, reflection_list and a non-ASCII status message).
"""

import argparse
import queue
import socket
import sys
import threading
import time
import traceback

import interop_protos as ip
import grpc
from google.protobuf import descriptor_pb2

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

CANCELLED = grpc.StatusCode.CANCELLED
NON_ASCII_STATUS = "服务暂不可用 \t\n ✓"
SPECIAL_STATUS = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"


class CaseFailure(Exception):
    pass


def expect(cond, msg):
    if not cond:
        raise CaseFailure(msg)


def payload(size):
    return Payload(type=0, body=b"\0" * size)


def expect_payload(resp, size, what="response"):
    body = resp.payload.body
    expect(len(body) == size, "%s payload is %d bytes, expected %d" % (what, len(body), size))
    expect(body.count(0) == size, "%s payload is not all zero bytes" % what)


def expect_rpc_error(fn, code, details=None, what="call"):
    """Runs fn(); it must raise grpc.RpcError with `code` (and `details` if given)."""
    try:
        fn()
    except grpc.RpcError as err:
        got = err.code()
        expect(got == code, "%s: expected status %s, got %s (%r)" % (what, code.name, got, err.details()))
        if details is not None:
            expect(err.details() == details,
                   "%s: status message %r, expected %r" % (what, err.details(), details))
        return err
    raise CaseFailure("%s: expected status %s but the call succeeded" % (what, code.name))


def md_get(metadata, key):
    return [v for k, v in (metadata or ()) if k == key]


class RequestQueue:
    """Request iterator fed from the test, for client/bidi streaming calls."""
    _END = object()

    def __init__(self):
        self._q = queue.Queue()

    def put(self, item):
        self._q.put(item)

    def close(self):
        self._q.put(self._END)

    def __iter__(self):
        while True:
            item = self._q.get()
            if item is self._END:
                return
            yield item


class ByteCountingProxy:
    """Loopback TCP relay that counts bytes per direction.

    grpcio 1.51 does not expose the per-message compressed flag, so the
    compression cases look at the wire instead: a zero-filled payload that
    crossed in far fewer bytes than its size was compressed.
    """

    def __init__(self, host, port):
        self.target = (host, port)
        self.up = 0    # client -> server bytes
        self.down = 0  # server -> client bytes
        self._lock = threading.Lock()
        self._socks = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self):
        with self._lock:
            self.up = self.down = 0

    def _accept(self):
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._socks += [client, server]
            threading.Thread(target=self._pump, args=(client, server, "up"), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, "down"), daemon=True).start()

    def _pump(self, src, dst, direction):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self._lock:
                    setattr(self, direction, getattr(self, direction) + len(data))
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        self._closed = True
        for s in [self._listener] + self._socks:
            try:
                s.close()
            except OSError:
                pass


class Client:
    def __init__(self, args):
        self.args = args
        self.target = "%s:%d" % (args.server_host, args.server_port)
        self.timeout = args.rpc_timeout_s
        self.channel = self._channel(self.target)
        self.stubs = self._stubs(self.channel)

    @staticmethod
    def _channel(target):
        return grpc.insecure_channel(target, options=[
            ("grpc.max_send_message_length", -1),
            ("grpc.max_receive_message_length", ip.DEFAULT_MAX_MESSAGE_SIZE),
            ("grpc.enable_retries", 0),
        ])

    @staticmethod
    def _stubs(ch):
        t = "/" + ip.TEST_SERVICE + "/"
        return {
            "EmptyCall": ch.unary_unary(t + "EmptyCall", Empty.SerializeToString, Empty.FromString),
            "UnaryCall": ch.unary_unary(t + "UnaryCall", SimpleRequest.SerializeToString,
                                        SimpleResponse.FromString),
            "StreamingOutputCall": ch.unary_stream(
                t + "StreamingOutputCall", StreamingOutputCallRequest.SerializeToString,
                StreamingOutputCallResponse.FromString),
            "StreamingInputCall": ch.stream_unary(
                t + "StreamingInputCall", StreamingInputCallRequest.SerializeToString,
                StreamingInputCallResponse.FromString),
            "FullDuplexCall": ch.stream_stream(
                t + "FullDuplexCall", StreamingOutputCallRequest.SerializeToString,
                StreamingOutputCallResponse.FromString),
            "UnimplementedCall": ch.unary_unary(t + "UnimplementedCall", Empty.SerializeToString,
                                                Empty.FromString),
            "UnimplementedService": ch.unary_unary(
                "/" + ip.UNIMPLEMENTED_SERVICE + "/UnimplementedCall",
                Empty.SerializeToString, Empty.FromString),
            "HealthCheck": ch.unary_unary("/" + ip.HEALTH_SERVICE + "/Check",
                                          HealthCheckRequest.SerializeToString,
                                          HealthCheckResponse.FromString),
            "HealthWatch": ch.unary_stream("/" + ip.HEALTH_SERVICE + "/Watch",
                                           HealthCheckRequest.SerializeToString,
                                           HealthCheckResponse.FromString),
        }

    def close(self):
        self.channel.close()

    # --- cases from the interop test descriptions ---------------------------------

    def empty_unary(self):
        resp = self.stubs["EmptyCall"](Empty(), timeout=self.timeout)
        expect(resp.ByteSize() == 0, "EmptyCall returned a non-empty message")

    def large_unary(self):
        req = SimpleRequest(response_type=0, response_size=314159, payload=payload(271828))
        resp = self.stubs["UnaryCall"](req, timeout=self.timeout)
        expect_payload(resp, 314159)

    def _request_of_size(self, total):
        """SimpleRequest whose serialized size is exactly `total` bytes."""
        req = SimpleRequest(response_size=1, payload=payload(0))
        body = max(0, total - req.ByteSize())
        for _ in range(10):
            req.payload.body = b"\0" * body
            diff = total - req.ByteSize()
            if diff == 0:
                return req
            body += diff
        raise CaseFailure("could not build a request of exactly %d bytes" % total)

    def large_unary_near_limit(self):
        size = self.args.max_message_size - self.args.limit_margin
        req = self._request_of_size(size)
        resp = self.stubs["UnaryCall"](req, timeout=self.timeout)
        expect_payload(resp, 1)
        print("  request message was %d bytes (limit %d)" % (size, self.args.max_message_size))

    def large_unary_over_limit(self):
        size = self.args.max_message_size + self.args.limit_margin
        req = self._request_of_size(size)
        expect_rpc_error(lambda: self.stubs["UnaryCall"](req, timeout=self.timeout),
                         grpc.StatusCode.RESOURCE_EXHAUSTED,
                         what="UnaryCall with a %d-byte request" % size)
        # The rejection must be per call: the same connection still works.
        self.stubs["EmptyCall"](Empty(), timeout=self.timeout)

    def client_streaming(self):
        sizes = (27182, 8, 1828, 45904)
        reqs = [StreamingInputCallRequest(payload=payload(n)) for n in sizes]
        resp = self.stubs["StreamingInputCall"](iter(reqs), timeout=self.timeout)
        expect(resp.aggregated_payload_size == 74922,
               "aggregated_payload_size %d, expected 74922" % resp.aggregated_payload_size)

    def server_streaming(self):
        sizes = (31415, 9, 2653, 58979)
        req = StreamingOutputCallRequest(response_type=0)
        for n in sizes:
            req.response_parameters.add(size=n)
        call = self.stubs["StreamingOutputCall"](req, timeout=self.timeout)
        got = [len(r.payload.body) for r in call]
        expect(got == list(sizes), "response sizes %s, expected %s" % (got, list(sizes)))
        expect(call.code() == grpc.StatusCode.OK, "final status %s" % call.code())

    def ping_pong(self):
        req_sizes = (27182, 8, 1828, 45904)
        resp_sizes = (31415, 9, 2653, 58979)
        reqs = RequestQueue()
        call = self.stubs["FullDuplexCall"](iter(reqs), timeout=self.timeout)
        try:
            for rq, rs in zip(req_sizes, resp_sizes):
                req = StreamingOutputCallRequest(payload=payload(rq))
                req.response_parameters.add(size=rs)
                reqs.put(req)
                resp = next(call)
                expect_payload(resp, rs, "ping_pong response")
            reqs.close()
            rest = list(call)
            expect(not rest, "%d unexpected extra responses" % len(rest))
            expect(call.code() == grpc.StatusCode.OK, "final status %s" % call.code())
        finally:
            reqs.close()

    def empty_stream(self):
        call = self.stubs["FullDuplexCall"](iter(()), timeout=self.timeout)
        got = list(call)
        expect(not got, "expected no responses, got %d" % len(got))
        expect(call.code() == grpc.StatusCode.OK, "final status %s" % call.code())

    def cancel_after_begin(self):
        reqs = RequestQueue()
        fut = self.stubs["StreamingInputCall"].future(iter(reqs), timeout=self.timeout)
        time.sleep(0.2)  # let the HEADERS frame reach the server before cancelling
        fut.cancel()
        reqs.close()
        expect(fut.cancelled(), "future not cancelled")
        expect(fut.code() == CANCELLED, "status %s, expected CANCELLED" % fut.code())
        # The server must survive a cancelled stream.
        self.stubs["EmptyCall"](Empty(), timeout=self.timeout)

    def cancel_after_first_response(self):
        reqs = RequestQueue()
        call = self.stubs["FullDuplexCall"](iter(reqs), timeout=self.timeout)
        req = StreamingOutputCallRequest(payload=payload(27182))
        req.response_parameters.add(size=31415)
        reqs.put(req)
        resp = next(call)
        expect_payload(resp, 31415)
        call.cancel()
        reqs.close()
        expect_rpc_error(lambda: next(call), CANCELLED, what="read after cancel")
        expect(call.code() == CANCELLED, "status %s, expected CANCELLED" % call.code())
        self.stubs["EmptyCall"](Empty(), timeout=self.timeout)

    def timeout_on_sleeping_server(self):
        # Spec: FullDuplexCall with a 1 ms deadline.
        reqs = RequestQueue()
        call = self.stubs["FullDuplexCall"](iter(reqs), timeout=0.001)
        req = StreamingOutputCallRequest(payload=payload(27182))
        req.response_parameters.add(size=31415)
        reqs.put(req)
        try:
            expect_rpc_error(lambda: list(call), grpc.StatusCode.DEADLINE_EXCEEDED,
                             what="FullDuplexCall with 1ms deadline")
        finally:
            reqs.close()
        # ProjectHub addition: a server that really sleeps (interval_us = 2 s)
        # under a 300 ms deadline, so the deadline fires while the stream is live.
        req = StreamingOutputCallRequest()
        req.response_parameters.add(size=1, interval_us=2000000)
        start = time.monotonic()
        expect_rpc_error(lambda: list(self.stubs["StreamingOutputCall"](req, timeout=0.3)),
                         grpc.StatusCode.DEADLINE_EXCEEDED,
                         what="StreamingOutputCall sleeping 2s under a 300ms deadline")
        elapsed = time.monotonic() - start
        expect(elapsed < 1.5, "deadline took %.2fs to fire (expected ~0.3s)" % elapsed)
        self.stubs["EmptyCall"](Empty(), timeout=self.timeout)

    def _status_roundtrip(self, code, message):
        status_code = ip.status_code_from_int(code)
        req = SimpleRequest(response_status={"code": code, "message": message})
        expect_rpc_error(lambda: self.stubs["UnaryCall"](req, timeout=self.timeout),
                         status_code, message, what="UnaryCall")
        sreq = StreamingOutputCallRequest(response_status={"code": code, "message": message})
        expect_rpc_error(lambda: list(self.stubs["FullDuplexCall"](iter([sreq]), timeout=self.timeout)),
                         status_code, message, what="FullDuplexCall")

    def status_code_and_message(self):
        self._status_roundtrip(2, "test status message")
        self._status_roundtrip(14, NON_ASCII_STATUS)

    def special_status_message(self):
        self._status_roundtrip(2, SPECIAL_STATUS)

    def custom_metadata(self):
        md = ((ip.ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE), (ip.ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))

        def check(what, initial, trailing):
            got_i = md_get(initial, ip.ECHO_INITIAL_KEY)
            got_t = md_get(trailing, ip.ECHO_TRAILING_KEY)
            expect(got_i == [ECHO_INITIAL_VALUE],
                   "%s: initial metadata %s = %r, expected %r" % (
                       what, ip.ECHO_INITIAL_KEY, got_i, [ECHO_INITIAL_VALUE]))
            expect(got_t == [ECHO_TRAILING_VALUE],
                   "%s: trailing metadata %s = %r, expected %r" % (
                       what, ip.ECHO_TRAILING_KEY, got_t, [ECHO_TRAILING_VALUE]))

        req = SimpleRequest(response_size=314159, payload=payload(271828))
        resp, call = self.stubs["UnaryCall"].with_call(req, metadata=md, timeout=self.timeout)
        expect_payload(resp, 314159)
        check("UnaryCall", call.initial_metadata(), call.trailing_metadata())

        sreq = StreamingOutputCallRequest(payload=payload(271828))
        sreq.response_parameters.add(size=314159)
        call = self.stubs["FullDuplexCall"](iter([sreq]), metadata=md, timeout=self.timeout)
        got = list(call)
        expect(len(got) == 1, "FullDuplexCall: %d responses, expected 1" % len(got))
        expect_payload(got[0], 314159)
        check("FullDuplexCall", call.initial_metadata(), call.trailing_metadata())

    def unimplemented_method(self):
        expect_rpc_error(lambda: self.stubs["UnimplementedCall"](Empty(), timeout=self.timeout),
                         grpc.StatusCode.UNIMPLEMENTED, what="TestService/UnimplementedCall")

    def unimplemented_service(self):
        expect_rpc_error(lambda: self.stubs["UnimplementedService"](Empty(), timeout=self.timeout),
                         grpc.StatusCode.UNIMPLEMENTED, what="UnimplementedService/UnimplementedCall")

    # --- compression (checked on the wire through a counting proxy) -----------------

    def _with_proxy(self, fn):
        proxy = ByteCountingProxy(self.args.server_host, self.args.server_port)
        ch = self._channel("127.0.0.1:%d" % proxy.port)
        try:
            stubs = self._stubs(ch)
            stubs["EmptyCall"](Empty(), timeout=self.timeout)  # connect + settle first
            time.sleep(0.05)
            fn(stubs, proxy)
        finally:
            ch.close()
            proxy.close()

    def _measured(self, proxy, call):
        proxy.reset()
        result = call()
        time.sleep(0.05)  # let the relay threads account the last bytes
        return result, proxy.up, proxy.down

    def client_compressed_unary(self):
        def run(stubs, proxy):
            unary = stubs["UnaryCall"]
            big = 271828

            def req(expect_compressed):
                return SimpleRequest(response_size=314159, payload=payload(big),
                                     expect_compressed={"value": expect_compressed})

            if not self.args.skip_compression_probe:
                expect_rpc_error(lambda: unary(req(True), timeout=self.timeout),
                                 grpc.StatusCode.INVALID_ARGUMENT,
                                 what="probe: expect_compressed=true with an uncompressed request")
            resp, up, _ = self._measured(proxy, lambda: unary(
                req(True), compression=grpc.Compression.Gzip, timeout=self.timeout))
            expect_payload(resp, 314159)
            print("  gzip request of %d zero bytes: %d bytes client->server" % (big, up))
            expect(up < big // 4, "gzip request crossed as %d bytes: it was not compressed" % up)
            resp, up, _ = self._measured(proxy, lambda: unary(
                req(False), compression=grpc.Compression.NoCompression, timeout=self.timeout))
            expect_payload(resp, 314159)
            print("  plain request of %d zero bytes: %d bytes client->server" % (big, up))
            expect(up >= big, "uncompressed request crossed as only %d bytes" % up)
        self._with_proxy(run)

    def server_compressed_unary(self):
        def run(stubs, proxy):
            size = 314159

            def req(compressed):
                return SimpleRequest(response_size=size, payload=payload(271828),
                                     response_compressed={"value": compressed})

            resp, _, down = self._measured(proxy, lambda: stubs["UnaryCall"](req(True), timeout=self.timeout))
            expect_payload(resp, size)
            print("  response_compressed=true: %d bytes server->client" % down)
            expect(down < size // 4, "response_compressed=true: %d bytes came back, not compressed" % down)
            resp, _, down = self._measured(proxy, lambda: stubs["UnaryCall"](req(False), timeout=self.timeout))
            expect_payload(resp, size)
            print("  response_compressed=false: %d bytes server->client" % down)
            expect(down >= size, "response_compressed=false: only %d bytes came back" % down)
        self._with_proxy(run)

    def server_compressed_streaming(self):
        def run(stubs, proxy):
            req = StreamingOutputCallRequest()
            req.response_parameters.add(size=31415, compressed={"value": True})
            req.response_parameters.add(size=92653, compressed={"value": False})
            got, _, down = self._measured(proxy, lambda: list(
                stubs["StreamingOutputCall"](req, timeout=self.timeout)))
            expect([len(r.payload.body) for r in got] == [31415, 92653],
                   "response sizes %s" % [len(r.payload.body) for r in got])
            print("  31415 compressed + 92653 plain: %d bytes server->client" % down)
            expect(92653 <= down < 92653 + 31415 // 2,
                   "%d bytes came back: expected first response compressed, second not" % down)
        self._with_proxy(run)

    # --- ProjectHub additions --------------------------------------------------------

    def health_check(self):
        resp = self.stubs["HealthCheck"](HealthCheckRequest(service=""), timeout=self.timeout)
        expect(resp.status == 1, "Health/Check(\"\") status %d, expected 1 (SERVING)" % resp.status)
        expect_rpc_error(lambda: self.stubs["HealthCheck"](
            HealthCheckRequest(service="projecthub.NoSuchService"), timeout=self.timeout),
            grpc.StatusCode.NOT_FOUND, what="Health/Check of an unknown service")

    def health_watch(self):
        call = self.stubs["HealthWatch"](HealthCheckRequest(service=""), timeout=self.timeout)
        first = next(call)
        expect(first.status == 1, "Health/Watch(\"\") first status %d, expected SERVING" % first.status)
        call.cancel()
        self.stubs["EmptyCall"](Empty(), timeout=self.timeout)

    def reflection_list(self):
        versions = [v for v in self.args.reflection_versions.split(",") if v]
        for v in versions:
            if v not in ip.REFLECTION_SERVICES:
                raise CaseFailure("unknown reflection version %r" % v)
            self._reflection(v)

    def _reflection(self, version):
        service = ip.REFLECTION_SERVICES[version]
        pkg = service.rsplit(".", 1)[0]
        Req = P.msg(pkg + ".ServerReflectionRequest")
        Resp = P.msg(pkg + ".ServerReflectionResponse")
        info = self.channel.stream_stream("/%s/ServerReflectionInfo" % service,
                                          Req.SerializeToString, Resp.FromString)
        reqs = RequestQueue()
        call = info(iter(reqs), timeout=self.timeout)

        def ask(**fields):
            reqs.put(Req(host=self.args.server_host, **fields))
            try:
                return next(call)
            except StopIteration:
                raise CaseFailure("%s: stream ended without answering %s" % (version, fields))

        try:
            resp = ask(list_services="*")
            expect(resp.WhichOneof("message_response") == "list_services_response",
                   "%s: list_services answered with %s" % (version, resp.WhichOneof("message_response")))
            names = [s.name for s in resp.list_services_response.service]
            print("  %s services: %s" % (version, ", ".join(names)))
            expect(names, "%s: no services listed" % version)
            expected = [s for s in self.args.expect_services.split(",") if s]
            missing = [s for s in expected if s not in names]
            expect(not missing, "%s: services not listed: %s" % (version, ", ".join(missing)))

            for name in names:
                resp = ask(file_containing_symbol=name)
                kind = resp.WhichOneof("message_response")
                expect(kind == "file_descriptor_response",
                       "%s: file_containing_symbol(%s) answered with %s %s" % (
                           version, name, kind,
                           resp.error_response if kind == "error_response" else ""))
                found = None
                for raw in resp.file_descriptor_response.file_descriptor_proto:
                    fdp = descriptor_pb2.FileDescriptorProto.FromString(raw)
                    for svc in fdp.service:
                        full = (fdp.package + "." if fdp.package else "") + svc.name
                        if full == name:
                            found = fdp.name
                expect(found, "%s: no FileDescriptorProto returned for %s names that service" % (version, name))
                print("  %s %s -> %s" % (version, name, found))

            resp = ask(file_containing_symbol="projecthub.no.such.Symbol")
            expect(resp.WhichOneof("message_response") == "error_response",
                   "%s: unknown symbol answered with %s" % (version, resp.WhichOneof("message_response")))
            expect(resp.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0],
                   "%s: unknown symbol error_code %d, expected 5 (NOT_FOUND)" % (
                       version, resp.error_response.error_code))
            reqs.close()
            rest = list(call)
            expect(not rest, "%s: %d unexpected extra responses" % (version, len(rest)))
            expect(call.code() == grpc.StatusCode.OK, "%s: final status %s" % (version, call.code()))
        finally:
            reqs.close()


ALL_CASES = (
    "empty_unary", "large_unary", "large_unary_near_limit", "large_unary_over_limit",
    "client_streaming", "server_streaming", "ping_pong", "empty_stream",
    "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server",
    "status_code_and_message", "special_status_message", "custom_metadata",
    "unimplemented_method", "unimplemented_service",
    "client_compressed_unary", "server_compressed_unary", "server_compressed_streaming",
    "health_check", "health_watch", "reflection_list",
)


def main():
    ap = argparse.ArgumentParser(description="gRPC interop test client (grpcio %s)" % grpc.__version__)
    ap.add_argument("--server_host", default="127.0.0.1")
    ap.add_argument("--server_port", type=int)
    ap.add_argument("--test_case", help="case name, comma-separated names, or 'all'")
    ap.add_argument("--rpc_timeout_s", type=float, default=30.0,
                    help="deadline for each RPC that has no deadline of its own (default 30)")
    ap.add_argument("--max_message_size", type=int, default=ip.DEFAULT_MAX_MESSAGE_SIZE,
                    help="server's max request size for the *_limit cases (default 4194304)")
    ap.add_argument("--limit_margin", type=int, default=16,
                    help="near_limit sends max-margin bytes, over_limit max+margin (default 16)")
    ap.add_argument("--expect_services", default="",
                    help="reflection_list: comma-separated services that must be listed")
    ap.add_argument("--reflection_versions", default="v1,v1alpha",
                    help="reflection_list: which reflection services to call (default v1,v1alpha)")
    ap.add_argument("--skip_compression_probe", action="store_true",
                    help="client_compressed_unary: skip the step that needs the server to reject "
                         "an uncompressed request sent with expect_compressed=true")
    ap.add_argument("--use_tls", default="false", choices=["false"], help="only plaintext is supported")
    ap.add_argument("--list", action="store_true", help="print the case names and exit")
    args = ap.parse_args()

    if args.list:
        print("\n".join(ALL_CASES))
        return 0
    if args.server_port is None or not args.test_case:
        ap.error("--server_port and --test_case are required")
    cases = list(ALL_CASES) if args.test_case == "all" else [c for c in args.test_case.split(",") if c]
    unknown = [c for c in cases if c not in ALL_CASES]
    if unknown:
        ap.error("unknown test case(s): %s (see --list)" % ", ".join(unknown))

    client = Client(args)
    failed = []
    try:
        for name in cases:
            start = time.monotonic()
            try:
                getattr(client, name)()
            except CaseFailure as exc:
                failed.append(name)
                sys.stderr.write("FAIL %s: %s\n" % (name, exc))
            except grpc.RpcError as exc:
                failed.append(name)
                sys.stderr.write("FAIL %s: unexpected RPC error %s: %r\n" % (name, exc.code(), exc.details()))
            except Exception:  # a bug in the case or the peer: still report, keep going
                failed.append(name)
                sys.stderr.write("FAIL %s: %s\n" % (name, traceback.format_exc().rstrip()))
            else:
                print("PASS %s (%.0f ms)" % (name, (time.monotonic() - start) * 1000))
            sys.stdout.flush()
            sys.stderr.flush()
    finally:
        client.close()
    if len(cases) > 1:
        print("SUMMARY %d/%d cases passed%s" % (len(cases) - len(failed), len(cases),
                                              ("; failed: %s" % ", ".join(failed)) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
