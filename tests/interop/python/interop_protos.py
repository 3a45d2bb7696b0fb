"""Proto loading shared by interop_client.py and interop_server.py.

The .proto files come from Debian's `grpc-proto` package (/usr/share/grpc-proto).
At run time they are compiled with Debian's `grpc_tools.protoc` into a
FileDescriptorSet that is cached under the temp dir (never committed), and the
message classes are built from that set.

Why a descriptor set rather than *_pb2.py modules: the official protos live in
the `grpc.testing` / `grpc.health.v1` packages, so generated modules would be
named `grpc.testing.*` and would clash with the installed `grpc` package; and
python3-grpc-tools 1.14 emits old-style _pb2 code. The descriptor set is the
same compiler output without either problem, and it is also exactly what the
reflection service needs to serve.
"""

import hashlib
import os
import sys
import tempfile

PROTO_ROOT = os.environ.get("PROJECTHUB_GRPC_PROTO_ROOT", "/usr/share/grpc-proto")

PROTO_FILES = (
    "grpc/testing/empty.proto",
    "grpc/testing/messages.proto",
    "grpc/testing/test.proto",
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
)

APT_HINT = (
    "install the Debian packages python3-grpcio python3-grpc-tools grpc-proto "
    "(./test.sh does it) and run this script with /usr/bin/python3"
)


def _die(msg):
    sys.stderr.write("interop: %s\n" % msg)
    sys.exit(2)


try:
    import grpc  # noqa: F401  (import check only)
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError as exc:  # pragma: no cover
    _die("cannot import grpc/protobuf (%s); %s" % (exc, APT_HINT))


def _cache_dir():
    base = os.environ.get("PROJECTHUB_INTEROP_CACHE")
    if not base:
        base = os.path.join(tempfile.gettempdir(), "projecthub-interop-cache-%d" % os.getuid())
    os.makedirs(base, exist_ok=True)
    return base


def _compile_descriptor_set():
    """Returns the serialized FileDescriptorSet, compiling it on first use."""
    try:
        import grpc_tools
        from grpc_tools import protoc
    except ImportError as exc:
        _die("cannot import grpc_tools (%s); %s" % (exc, APT_HINT))

    digest = hashlib.sha256()
    digest.update(("py%s|" % sys.version).encode())
    digest.update(os.path.dirname(grpc_tools.__file__).encode())
    for rel in PROTO_FILES:
        path = os.path.join(PROTO_ROOT, rel)
        if not os.path.isfile(path):
            _die("missing %s; %s" % (path, APT_HINT))
        with open(path, "rb") as fh:
            digest.update(rel.encode() + b"\0" + fh.read() + b"\0")
    out = os.path.join(_cache_dir(), "interop-%s.pb" % digest.hexdigest()[:20])
    if os.path.isfile(out):
        with open(out, "rb") as fh:
            return fh.read()

    builtin_include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    tmp = "%s.%d.tmp" % (out, os.getpid())
    args = ["grpc_tools.protoc", "-I" + PROTO_ROOT]
    if os.path.isdir(builtin_include):
        args.append("-I" + builtin_include)
    args += ["--include_imports", "--descriptor_set_out=" + tmp]
    args += list(PROTO_FILES)
    rc = protoc.main(args)
    if rc != 0 or not os.path.isfile(tmp):
        _die("grpc_tools.protoc failed (rc=%s) compiling %s" % (rc, ", ".join(PROTO_FILES)))
    os.replace(tmp, out)  # atomic: parallel test processes may race here
    with open(out, "rb") as fh:
        return fh.read()


class Protos:
    """Descriptor pool + message classes for the interop, health and reflection protos."""

    def __init__(self):
        self.descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(_compile_descriptor_set())
        self.pool = descriptor_pool.DescriptorPool()
        self.files = {}  # file name -> FileDescriptorProto
        for fdp in self.descriptor_set.file:
            self.pool.Add(fdp)
            self.files[fdp.name] = fdp
        self._factory = None
        self._classes = {}

    def msg(self, full_name):
        """Message class for a fully-qualified message name."""
        cls = self._classes.get(full_name)
        if cls is None:
            desc = self.pool.FindMessageTypeByName(full_name)
            get_class = getattr(message_factory, "GetMessageClass", None)
            if get_class is not None:
                cls = get_class(desc)
            else:
                if self._factory is None:
                    self._factory = message_factory.MessageFactory(self.pool)
                cls = self._factory.GetPrototype(desc)
            self._classes[full_name] = cls
        return cls

    def file_with_deps(self, file_name):
        """Serialized FileDescriptorProtos: the named file first, then its transitive deps."""
        order, seen = [], set()

        def visit(name):
            if name in seen:
                return
            seen.add(name)
            order.append(name)
            for dep in self.files[name].dependency:
                visit(dep)

        visit(file_name)
        return [self.files[n].SerializeToString() for n in order]


def status_code_from_int(value):
    for code in grpc.StatusCode:
        if code.value[0] == value:
            return code
    return grpc.StatusCode.UNKNOWN


# Method paths ------------------------------------------------------------------
TEST_SERVICE = "grpc.testing.TestService"
UNIMPLEMENTED_SERVICE = "grpc.testing.UnimplementedService"
HEALTH_SERVICE = "grpc.health.v1.Health"
REFLECTION_SERVICES = {
    "v1": "grpc.reflection.v1.ServerReflection",
    "v1alpha": "grpc.reflection.v1alpha.ServerReflection",
}

# Metadata keys the interop spec echoes back.
ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"

DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024
