'use strict';
// Proto loading shared by interop_client.js and interop_server.js.
// The .proto files are Debian's `grpc-proto` package (/usr/share/grpc-proto),
// loaded at run time by @grpc/proto-loader; nothing is generated on disk.

const fs = require('fs');
const path = require('path');

function die(msg) {
  process.stderr.write(`interop: ${msg}\n`);
  process.exit(2);
}

let grpc, protoLoader;
try {
  grpc = require('@grpc/grpc-js');
  protoLoader = require('@grpc/proto-loader');
} catch (e) {
  die(`cannot load @grpc/grpc-js / @grpc/proto-loader (${e.message}); run \`npm ci\` in ${__dirname} (./test.sh does it)`);
}

const PROTO_ROOT = process.env.PROJECTHUB_GRPC_PROTO_ROOT || '/usr/share/grpc-proto';
const PROTO_FILES = ['grpc/testing/test.proto', 'grpc/health/v1/health.proto'];

for (const f of PROTO_FILES) {
  if (!fs.existsSync(path.join(PROTO_ROOT, f))) {
    die(`missing ${path.join(PROTO_ROOT, f)}; install the Debian package grpc-proto (./test.sh does it)`);
  }
}

const packageDefinition = protoLoader.loadSync(PROTO_FILES, {
  includeDirs: [PROTO_ROOT],
  keepCase: true,   // field names exactly as in the .proto (response_size, ...)
  longs: Number,
  enums: Number,
  defaults: true,
  oneofs: true,
});
const loaded = grpc.loadPackageDefinition(packageDefinition);

module.exports = {
  grpc,
  packageDefinition,
  TestService: loaded.grpc.testing.TestService,
  UnimplementedService: loaded.grpc.testing.UnimplementedService,
  Health: loaded.grpc.health.v1.Health,
  ECHO_INITIAL_KEY: 'x-grpc-test-echo-initial',
  ECHO_TRAILING_KEY: 'x-grpc-test-echo-trailing-bin',
  DEFAULT_MAX_MESSAGE_SIZE: 4 * 1024 * 1024,
};
