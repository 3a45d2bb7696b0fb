#!/usr/bin/env node
'use strict';
// @grpc/grpc-js as a client of a running ProjectHub service, loading the service's .proto files from the repository
// (protos/) with @grpc/proto-loader. The counterpart of python/conformance_client.py (same cases but reflection, which
// grpc-js has no client for); the C# conformance tests run one process per case and assert on the JSON it prints.
//
//   node conformance_client.js --address 127.0.0.1:5101 --case health|call|error|deadline
//        [--service NAME] [--method /pkg.Service/Method] [--request JSON] [--token JWT] [--timeout-ms 10000]
//        --protos DIR (the repository's protos/) --google-protos DIR (google/rpc/*.proto)
//
// Exit status: 0 when the service behaved as the case expects (one JSON object on stdout), 1 when not (why on
// stderr), 2 on a usage or setup error.

const path = require('path');
const { parseArgs } = require('util');

function die(code, message) {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(code);
}

let grpc, protoLoader, protobuf;
try {
  grpc = require('@grpc/grpc-js');
  protoLoader = require('@grpc/proto-loader');
  protobuf = require('protobufjs');
} catch (e) {
  die(2, `cannot load @grpc/grpc-js / @grpc/proto-loader (${e.message}); run \`npm ci\` in ${__dirname} (./test.sh does it)`);
}

const { values: args } = parseArgs({
  options: {
    address: { type: 'string' },
    case: { type: 'string' },
    service: { type: 'string', default: '' },
    method: { type: 'string' },
    request: { type: 'string', default: '{}' },
    token: { type: 'string', default: '' },
    'timeout-ms': { type: 'string', default: '10000' },
    protos: { type: 'string' },
    'google-protos': { type: 'string' },
  },
});
if (!args.address || !args.case || !args.protos) die(2, '--address, --case and --protos are required');

const GRPC_PROTOS = process.env.PROJECTHUB_GRPC_PROTO_ROOT || '/usr/share/grpc-proto';
const STATUS_NAME = Object.fromEntries(Object.entries(grpc.status).map(([k, v]) => [v, k]));
const deadline = () => new Date(Date.now() + Number(args['timeout-ms']));

// Every ProjectHub proto, so any /pkg.Service/Method of the repository can be called by name.
function loadServices() {
  const files = [
    'projecthub/registry/v1/registry.proto',
    'projecthub/approval/v1/approval.proto',
    'projecthub/calendar/v1/calendar.proto',
    'projecthub/escalation/v1/escalation.proto',
  ];
  const definition = protoLoader.loadSync(files, {
    includeDirs: [args.protos], keepCase: true, longs: String, enums: String, defaults: false, oneofs: true,
  });
  return grpc.loadPackageDefinition(definition);
}

function lookup(root, dotted) {
  return dotted.split('.').reduce((node, part) => (node ? node[part] : undefined), root);
}

function client(root, method) {
  const [service, name] = method.replace(/^\//, '').split('/');
  const Ctor = lookup(root, service);
  if (!Ctor) die(2, `no service ${service} in ${args.protos}`);
  return { stub: new Ctor(args.address, grpc.credentials.createInsecure()), name };
}

function metadata() {
  const md = new grpc.Metadata();
  if (args.token) md.add('authorization', `Bearer ${args.token}`);
  return md;
}

// A method the protos do not define is sent as an empty message, so the server itself answers for it.
function unary(root) {
  const { stub, name } = client(root, args.method);
  const done = (resolve, reject) => (err, res) => (err ? reject(err) : resolve(res));
  const call = stub[name];
  if (!call) {
    if (Object.keys(JSON.parse(args.request)).length > 0) die(2, `${args.method} is not in the protos: only an empty request can be sent`);
    return new Promise((resolve, reject) => stub.makeUnaryRequest(
      args.method, () => Buffer.alloc(0), (b) => b, {}, metadata(), { deadline: deadline() }, done(resolve, reject)));
  }
  return new Promise((resolve, reject) =>
    call.call(stub, JSON.parse(args.request), metadata(), { deadline: deadline() }, done(resolve, reject)));
}

function decodeDetails(err) {
  if (!args['google-protos']) die(2, '--google-protos DIR is required to decode grpc-status-details-bin');
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    for (const dir of [args['google-protos'], path.join(__dirname, 'node_modules/protobufjs')]) {
      const candidate = path.join(dir, target);
      if (require('fs').existsSync(candidate)) return candidate;
    }
    return target;
  };
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
  const Status = root.lookupType('google.rpc.Status');
  const result = { code: STATUS_NAME[err.code], message: err.details, field_violations: [], reason: '' };
  const bytes = err.metadata && err.metadata.get('grpc-status-details-bin')[0];
  if (!bytes) return result;
  const status = Status.decode(bytes);
  if (status.code !== err.code) die(1, `grpc-status-details-bin says code ${status.code}, the call ended ${STATUS_NAME[err.code]}`);
  for (const detail of status.details) {
    const type = detail.type_url.split('/').pop();
    if (type === 'google.rpc.BadRequest') {
      const bad = root.lookupType('google.rpc.BadRequest').decode(detail.value);
      result.field_violations = bad.fieldViolations.map((v) => [v.field, v.description]);
    } else if (type === 'google.rpc.ErrorInfo') {
      result.reason = root.lookupType('google.rpc.ErrorInfo').decode(detail.value).reason;
    }
  }
  return result;
}

async function main() {
  switch (args.case) {
    case 'health': {
      const definition = protoLoader.loadSync('grpc/health/v1/health.proto', { includeDirs: [GRPC_PROTOS], enums: String });
      const Health = grpc.loadPackageDefinition(definition).grpc.health.v1.Health;
      const health = new Health(args.address, grpc.credentials.createInsecure());
      const checked = await new Promise((resolve, reject) =>
        health.Check({ service: args.service }, { deadline: deadline() }, (err, res) => (err ? reject(err) : resolve(res.status))));
      const watched = await new Promise((resolve, reject) => {
        const stream = health.Watch({ service: args.service }, { deadline: deadline() });
        stream.once('data', (res) => { resolve(res.status); stream.cancel(); });
        stream.once('error', (err) => { if (err.code !== grpc.status.CANCELLED) reject(err); });
      });
      console.log(JSON.stringify({ check: checked, watch: watched }));
      return;
    }
    case 'call': {
      const response = await unary(loadServices());
      console.log(JSON.stringify({ response }));
      return;
    }
    case 'error': {
      try {
        await unary(loadServices());
      } catch (err) {
        if (err.code === undefined) throw err;
        console.log(JSON.stringify(decodeDetails(err)));
        return;
      }
      die(1, `${args.method} succeeded; the case expects it to fail`);
      return;
    }
    case 'deadline': {
      const { stub, name } = client(loadServices(), args.method);
      const code = await new Promise((resolve) => {
        const stream = stub[name](JSON.parse(args.request), metadata(), { deadline: deadline() });
        stream.on('data', () => {});
        stream.on('error', (err) => resolve(STATUS_NAME[err.code]));
        stream.on('end', () => resolve('OK'));
      });
      if (code === 'OK') die(1, 'the stream ended without an error before its deadline');
      console.log(JSON.stringify({ code }));
      return;
    }
    default:
      die(2, `unknown case ${args.case}`);
  }
}

main().catch((e) => die(1, e.stack || String(e)));
