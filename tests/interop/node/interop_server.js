#!/usr/bin/env node
'use strict';
// gRPC interop test server (grpc.testing.TestService) on @grpc/grpc-js.
//
// Usage: node interop_server.js --port N [--host 127.0.0.1] [--max_receive_message_length BYTES]
//
// --port 0 picks a free port. Once serving it prints exactly one line
// `LISTENING <port>` on stdout; everything else goes to stderr. It stops on
// SIGTERM/SIGINT, and when its stdin is a pipe or socket that reaches EOF.
//
// Services: grpc.testing.TestService (UnimplementedCall deliberately not
// implemented) and grpc.health.v1.Health (Check + Watch). No reflection, and no
// response compression (grpc-js has no per-call server compression switch).

const fs = require('fs');
const { parseArgs } = require('util');
const P = require('./interop_protos');
const { grpc } = P;

const SERVING = 1;
const SERVICE_UNKNOWN = 3;
const HEALTHY = new Map([['', SERVING], ['grpc.testing.TestService', SERVING]]);

function log(msg) {
  process.stderr.write(`interop_server.js: ${msg}\n`);
}

function payload(size) {
  return { type: 0, body: Buffer.alloc(size) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Initial echo metadata is sent right away; trailing echo metadata is returned
// so the caller can attach it to the status.
function echoMetadata(call) {
  const initial = call.metadata.get(P.ECHO_INITIAL_KEY);
  if (initial.length > 0) {
    const md = new grpc.Metadata();
    for (const v of initial) md.add(P.ECHO_INITIAL_KEY, v);
    call.sendMetadata(md);
  }
  const trailer = new grpc.Metadata();
  for (const v of call.metadata.get(P.ECHO_TRAILING_KEY)) trailer.add(P.ECHO_TRAILING_KEY, v);
  return trailer;
}

function requestedStatus(req, trailer) {
  const s = req.response_status;
  if (s && s.code !== 0) {
    return { code: s.code, details: s.message, metadata: trailer };
  }
  return null;
}

const testService = {
  EmptyCall(call, callback) {
    const trailer = echoMetadata(call);
    callback(null, {}, trailer);
  },

  UnaryCall(call, callback) {
    const trailer = echoMetadata(call);
    const err = requestedStatus(call.request, trailer);
    if (err) return callback(err);
    callback(null, { payload: payload(call.request.response_size) }, trailer);
  },

  CacheableUnaryCall(call, callback) {
    testService.UnaryCall(call, callback);
  },

  async StreamingOutputCall(call) {
    const trailer = echoMetadata(call);
    for (const p of call.request.response_parameters) {
      if (p.interval_us > 0) await sleep(p.interval_us / 1000);
      if (call.cancelled) return;
      call.write({ payload: payload(p.size) });
    }
    const err = requestedStatus(call.request, trailer);
    if (err) return call.emit('error', err);
    call.end(trailer);
  },

  StreamingInputCall(call, callback) {
    const trailer = echoMetadata(call);
    let total = 0;
    call.on('data', (req) => { total += req.payload ? req.payload.body.length : 0; });
    call.on('end', () => callback(null, { aggregated_payload_size: total }, trailer));
    call.on('error', () => {});
  },

  FullDuplexCall(call) {
    const trailer = echoMetadata(call);
    // Requests are handled strictly in order, even when one sleeps (interval_us).
    let chain = Promise.resolve();
    let failed = false;
    call.on('data', (req) => {
      chain = chain.then(async () => {
        if (failed || call.cancelled) return;
        const err = requestedStatus(req, trailer);
        if (err) {
          failed = true;
          call.emit('error', err);
          return;
        }
        for (const p of req.response_parameters) {
          if (p.interval_us > 0) await sleep(p.interval_us / 1000);
          if (call.cancelled) return;
          call.write({ payload: payload(p.size) });
        }
      });
    });
    call.on('end', () => {
      chain = chain.then(() => { if (!failed && !call.cancelled) call.end(trailer); });
    });
    call.on('error', () => {});
  },

  HalfDuplexCall(call) {
    const trailer = echoMetadata(call);
    const reqs = [];
    call.on('data', (req) => reqs.push(req));
    call.on('end', async () => {
      for (const req of reqs) {
        const err = requestedStatus(req, trailer);
        if (err) return call.emit('error', err);
        for (const p of req.response_parameters) {
          if (p.interval_us > 0) await sleep(p.interval_us / 1000);
          if (call.cancelled) return;
          call.write({ payload: payload(p.size) });
        }
      }
      call.end(trailer);
    });
    call.on('error', () => {});
  },
  // UnimplementedCall: intentionally absent; grpc-js answers UNIMPLEMENTED.
};

const healthService = {
  Check(call, callback) {
    const status = HEALTHY.get(call.request.service);
    if (status === undefined) {
      return callback({ code: grpc.status.NOT_FOUND, details: `unknown service: ${call.request.service}` });
    }
    callback(null, { status });
  },
  Watch(call) {
    // Statuses never change here: send the current one and hold the stream open.
    call.write({ status: HEALTHY.get(call.request.service) ?? SERVICE_UNKNOWN });
    call.on('cancelled', () => {});
  },
};

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        max_receive_message_length: { type: 'string', default: String(P.DEFAULT_MAX_MESSAGE_SIZE) },
        use_tls: { type: 'string', default: 'false' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (values.help || values.port === undefined || !/^\d+$/.test(values.port) || values.use_tls !== 'false') {
    process.stderr.write('usage: node interop_server.js --port N [--host 127.0.0.1] [--max_receive_message_length 4194304]\n');
    process.exit(values.help ? 0 : 2);
  }

  const server = new grpc.Server({
    'grpc.max_receive_message_length': Number(values.max_receive_message_length),
    'grpc.max_send_message_length': -1,
  });
  server.addService(P.TestService.service, testService);
  server.addService(P.Health.service, healthService);

  const host = values.host.includes(':') ? `[${values.host}]` : values.host;
  server.bindAsync(`${host}:${values.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      log(`could not bind ${values.host}:${values.port}: ${err.message}`);
      process.exit(1);
    }
    process.stdout.write(`LISTENING ${port}\n`);
    log(`grpc-js ${require('@grpc/grpc-js/package.json').version} serving on ${values.host}:${port}`);
  });

  let stopping = false;
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    log(`${why}, stopping`);
    server.tryShutdown(() => process.exit(0));
    setTimeout(() => { server.forceShutdown(); process.exit(0); }, 1500).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  let st = null;
  try { st = fs.fstatSync(0); } catch (e) { /* no stdin */ }
  if (st && (st.isFIFO() || st.isSocket())) {
    process.stdin.on('data', () => {});
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
}

main();
