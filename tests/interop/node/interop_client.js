#!/usr/bin/env node
'use strict';
// gRPC interop test client on @grpc/grpc-js (plaintext HTTP/2).
//
// Usage: node interop_client.js --server_host 127.0.0.1 --server_port N --test_case NAME[,NAME...]|all
//                               [--rpc_timeout_s 30] [--max_message_size 4194304] [--limit_margin 16] [--list]
//
// Exit status: 0 when every selected case passed; 1 when any failed (printed as
// `FAIL <case>: <reason>` on stderr); 2 on a usage/setup error. Passing cases
// print `PASS <case>` on stdout. Cases follow the public gRPC interop test
// descriptions, plus ProjectHub's near/over-limit, health and non-ASCII status cases.

const { parseArgs } = require('util');
const P = require('./interop_protos');
const { grpc } = P;
const S = grpc.status;

const NON_ASCII_STATUS = '服务暂不可用 \t\n ✓';
const SPECIAL_STATUS = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1F608}\t\n';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);
const STATUS_NAME = Object.fromEntries(Object.entries(S).map(([k, v]) => [v, k]));

class CaseFailure extends Error {}

function expect(cond, msg) {
  if (!cond) throw new CaseFailure(msg);
}

const payload = (size) => ({ type: 0, body: Buffer.alloc(size) });

function expectPayload(resp, size, what = 'response') {
  const body = resp && resp.payload ? resp.payload.body : Buffer.alloc(0);
  expect(body.length === size, `${what} payload is ${body.length} bytes, expected ${size}`);
  expect(body.every((b) => b === 0), `${what} payload is not all zero bytes`);
}

function statusText(code) {
  return `${STATUS_NAME[code] ?? code}`;
}

// Waits for a promise that must reject with a gRPC error of `code` (and `details` if given).
async function expectRpcError(promise, code, details, what) {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CaseFailure) throw err;
    expect(err.code === code,
      `${what}: expected status ${statusText(code)}, got ${statusText(err.code)} (${JSON.stringify(err.details)})`);
    if (details !== undefined) {
      expect(err.details === details,
        `${what}: status message ${JSON.stringify(err.details)}, expected ${JSON.stringify(details)}`);
    }
    return err;
  }
  throw new CaseFailure(`${what}: expected status ${statusText(code)} but the call succeeded`);
}

// SimpleRequest whose serialized size is exactly `total` bytes, measured with the
// same serializer the call uses (protobufjs also encodes explicitly-set defaults).
const serializeSimpleRequest = P.TestService.service.UnaryCall.requestSerialize;

function requestOfSize(total) {
  const make = (n) => ({ response_size: 1, payload: { body: Buffer.alloc(n) } });
  let n = Math.max(0, total - serializeSimpleRequest(make(0)).length);
  for (let i = 0; i < 10; i += 1) {
    const diff = total - serializeSimpleRequest(make(n)).length;
    if (diff === 0) return make(n);
    n += diff;
  }
  throw new CaseFailure(`could not build a request of exactly ${total} bytes`);
}

class Client {
  constructor(args) {
    this.args = args;
    this.timeoutMs = args.rpcTimeoutS * 1000;
    const target = `${args.host}:${args.port}`;
    const opts = {
      'grpc.max_receive_message_length': P.DEFAULT_MAX_MESSAGE_SIZE,
      'grpc.max_send_message_length': -1,
      'grpc.enable_retries': 0,
    };
    const creds = grpc.credentials.createInsecure();
    this.test = new P.TestService(target, creds, opts);
    this.unimpl = new P.UnimplementedService(target, creds, opts);
    this.health = new P.Health(target, creds, opts);
  }

  close() {
    this.test.close();
    this.unimpl.close();
    this.health.close();
  }

  deadline(ms = this.timeoutMs) {
    return { deadline: new Date(Date.now() + ms) };
  }

  // Unary call -> Promise<{resp, initial, trailing}>; rejects with the gRPC error.
  unary(client, method, req, md = new grpc.Metadata(), opts = this.deadline()) {
    return new Promise((resolve, reject) => {
      let initial = null;
      let resp;
      let error = null;
      let settled = 0;
      const call = client[method](req, md, opts, (err, r) => {
        error = err; resp = r; settled += 1;
        if (settled === 2 || err) finish();
      });
      let trailing = null;
      call.on('metadata', (m) => { initial = m; });
      call.on('status', (s) => {
        trailing = s.metadata; settled += 1;
        if (settled === 2) finish();
      });
      function finish() {
        if (error) reject(error); else resolve({ resp, initial, trailing });
      }
    });
  }

  // Collects a readable call's responses -> Promise<{responses, initial, trailing}>.
  collect(call) {
    return new Promise((resolve, reject) => {
      const responses = [];
      let initial = null;
      call.on('metadata', (m) => { initial = m; });
      call.on('data', (r) => responses.push(r));
      call.on('error', (e) => reject(e));
      call.on('status', (s) => {
        if (s.code === S.OK) resolve({ responses, initial, trailing: s.metadata });
      });
    });
  }

  async empty_unary() {
    const { resp } = await this.unary(this.test, 'EmptyCall', {});
    expect(resp && Object.keys(resp).length === 0, `EmptyCall returned ${JSON.stringify(resp)}`);
  }

  async large_unary() {
    const { resp } = await this.unary(this.test, 'UnaryCall',
      { response_type: 0, response_size: 314159, payload: payload(271828) });
    expectPayload(resp, 314159);
  }

  async large_unary_near_limit() {
    const size = this.args.maxMessageSize - this.args.limitMargin;
    const { resp } = await this.unary(this.test, 'UnaryCall', requestOfSize(size));
    expectPayload(resp, 1);
    console.log(`  request message was ${size} bytes (limit ${this.args.maxMessageSize})`);
  }

  async large_unary_over_limit() {
    const size = this.args.maxMessageSize + this.args.limitMargin;
    await expectRpcError(this.unary(this.test, 'UnaryCall', requestOfSize(size)),
      S.RESOURCE_EXHAUSTED, undefined, `UnaryCall with a ${size}-byte request`);
    await this.unary(this.test, 'EmptyCall', {});
  }

  async client_streaming() {
    const total = await new Promise((resolve, reject) => {
      const call = this.test.StreamingInputCall(new grpc.Metadata(), this.deadline(), (err, r) => {
        if (err) reject(err); else resolve(r.aggregated_payload_size);
      });
      for (const n of [27182, 8, 1828, 45904]) call.write({ payload: payload(n) });
      call.end();
    });
    expect(total === 74922, `aggregated_payload_size ${total}, expected 74922`);
  }

  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const call = this.test.StreamingOutputCall(
      { response_type: 0, response_parameters: sizes.map((size) => ({ size })) },
      new grpc.Metadata(), this.deadline());
    const { responses } = await this.collect(call);
    const got = responses.map((r) => r.payload.body.length);
    expect(JSON.stringify(got) === JSON.stringify(sizes), `response sizes ${got}, expected ${sizes}`);
  }

  async ping_pong() {
    const reqSizes = [27182, 8, 1828, 45904];
    const respSizes = [31415, 9, 2653, 58979];
    const call = this.test.FullDuplexCall(new grpc.Metadata(), this.deadline());
    const queue = [];
    const waiters = [];
    let failure = null;
    call.on('data', (r) => { if (waiters.length) waiters.shift().resolve(r); else queue.push(r); });
    call.on('error', (e) => { failure = e; while (waiters.length) waiters.shift().reject(e); });
    const statusDone = new Promise((resolve) => call.on('status', resolve));
    const next = () => new Promise((resolve, reject) => {
      if (queue.length) resolve(queue.shift());
      else if (failure) reject(failure);
      else waiters.push({ resolve, reject });
    });
    for (let i = 0; i < reqSizes.length; i += 1) {
      call.write({ payload: payload(reqSizes[i]), response_parameters: [{ size: respSizes[i] }] });
      expectPayload(await next(), respSizes[i], `ping_pong response ${i}`);
    }
    call.end();
    const status = await statusDone;
    expect(status.code === S.OK, `final status ${statusText(status.code)} ${status.details}`);
    expect(queue.length === 0, `${queue.length} unexpected extra responses`);
  }

  async empty_stream() {
    const call = this.test.FullDuplexCall(new grpc.Metadata(), this.deadline());
    call.end();
    const { responses } = await this.collect(call);
    expect(responses.length === 0, `expected no responses, got ${responses.length}`);
  }

  async cancel_after_begin() {
    const done = new Promise((resolve) => {
      const call = this.test.StreamingInputCall(new grpc.Metadata(), this.deadline(),
        (err) => resolve(err));
      setTimeout(() => call.cancel(), 200);
    });
    const err = await done;
    expect(err && err.code === S.CANCELLED, `status ${err ? statusText(err.code) : 'OK'}, expected CANCELLED`);
    await this.unary(this.test, 'EmptyCall', {});
  }

  async cancel_after_first_response() {
    const call = this.test.FullDuplexCall(new grpc.Metadata(), this.deadline());
    const result = await new Promise((resolve) => {
      let first = null;
      call.on('data', (r) => {
        if (first === null) { first = r; call.cancel(); }
      });
      call.on('error', (e) => resolve({ first, err: e }));
      call.on('status', (s) => { if (s.code === S.OK) resolve({ first, err: null }); });
      call.write({ payload: payload(27182), response_parameters: [{ size: 31415 }] });
    });
    expect(result.first !== null, 'no first response before the call ended');
    expectPayload(result.first, 31415);
    expect(result.err && result.err.code === S.CANCELLED,
      `status ${result.err ? statusText(result.err.code) : 'OK'}, expected CANCELLED`);
    await this.unary(this.test, 'EmptyCall', {});
  }

  async timeout_on_sleeping_server() {
    const call = this.test.FullDuplexCall(new grpc.Metadata(), this.deadline(1));
    call.write({ payload: payload(27182), response_parameters: [{ size: 31415 }] });
    await expectRpcError(this.collect(call), S.DEADLINE_EXCEEDED, undefined, 'FullDuplexCall with 1ms deadline');
    // ProjectHub addition: the server really sleeps 2 s under a 300 ms deadline.
    const start = Date.now();
    const sleeping = this.test.StreamingOutputCall(
      { response_parameters: [{ size: 1, interval_us: 2000000 }] }, new grpc.Metadata(), this.deadline(300));
    await expectRpcError(this.collect(sleeping), S.DEADLINE_EXCEEDED, undefined,
      'StreamingOutputCall sleeping 2s under a 300ms deadline');
    const elapsed = Date.now() - start;
    expect(elapsed < 1500, `deadline took ${elapsed} ms to fire (expected ~300)`);
    await this.unary(this.test, 'EmptyCall', {});
  }

  async statusRoundtrip(code, message) {
    await expectRpcError(this.unary(this.test, 'UnaryCall', { response_status: { code, message } }),
      code, message, 'UnaryCall');
    const call = this.test.FullDuplexCall(new grpc.Metadata(), this.deadline());
    call.write({ response_status: { code, message } });
    call.end();
    await expectRpcError(this.collect(call), code, message, 'FullDuplexCall');
  }

  async status_code_and_message() {
    await this.statusRoundtrip(2, 'test status message');
    await this.statusRoundtrip(14, NON_ASCII_STATUS);
  }

  async special_status_message() {
    await this.statusRoundtrip(2, SPECIAL_STATUS);
  }

  async custom_metadata() {
    const md = () => {
      const m = new grpc.Metadata();
      m.set(P.ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
      m.set(P.ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
      return m;
    };
    const check = (what, initial, trailing) => {
      const gi = initial ? initial.get(P.ECHO_INITIAL_KEY) : [];
      const gt = trailing ? trailing.get(P.ECHO_TRAILING_KEY) : [];
      expect(gi.length === 1 && gi[0] === ECHO_INITIAL_VALUE,
        `${what}: initial metadata ${P.ECHO_INITIAL_KEY} = ${JSON.stringify(gi)}`);
      expect(gt.length === 1 && Buffer.isBuffer(gt[0]) && gt[0].equals(ECHO_TRAILING_VALUE),
        `${what}: trailing metadata ${P.ECHO_TRAILING_KEY} = ${JSON.stringify(gt)}`);
    };
    const u = await this.unary(this.test, 'UnaryCall', { response_size: 314159, payload: payload(271828) }, md());
    expectPayload(u.resp, 314159);
    check('UnaryCall', u.initial, u.trailing);

    const call = this.test.FullDuplexCall(md(), this.deadline());
    call.write({ payload: payload(271828), response_parameters: [{ size: 314159 }] });
    call.end();
    const d = await this.collect(call);
    expect(d.responses.length === 1, `FullDuplexCall: ${d.responses.length} responses, expected 1`);
    expectPayload(d.responses[0], 314159);
    check('FullDuplexCall', d.initial, d.trailing);
  }

  async unimplemented_method() {
    await expectRpcError(this.unary(this.test, 'UnimplementedCall', {}), S.UNIMPLEMENTED, undefined,
      'TestService/UnimplementedCall');
  }

  async unimplemented_service() {
    await expectRpcError(this.unary(this.unimpl, 'UnimplementedCall', {}), S.UNIMPLEMENTED, undefined,
      'UnimplementedService/UnimplementedCall');
  }

  async health_check() {
    const { resp } = await this.unary(this.health, 'Check', { service: '' });
    expect(resp.status === 1, `Health/Check("") status ${resp.status}, expected 1 (SERVING)`);
    await expectRpcError(this.unary(this.health, 'Check', { service: 'projecthub.NoSuchService' }),
      S.NOT_FOUND, undefined, 'Health/Check of an unknown service');
  }
}

const ALL_CASES = [
  'empty_unary', 'large_unary', 'large_unary_near_limit', 'large_unary_over_limit',
  'client_streaming', 'server_streaming', 'ping_pong', 'empty_stream',
  'cancel_after_begin', 'cancel_after_first_response', 'timeout_on_sleeping_server',
  'status_code_and_message', 'special_status_message', 'custom_metadata',
  'unimplemented_method', 'unimplemented_service', 'health_check',
];

const USAGE = `usage: node interop_client.js --server_host 127.0.0.1 --server_port N --test_case NAME[,NAME...]|all
       [--rpc_timeout_s 30] [--max_message_size 4194304] [--limit_margin 16] [--list]
cases: ${ALL_CASES.join(', ')}
`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        server_host: { type: 'string', default: '127.0.0.1' },
        server_port: { type: 'string' },
        test_case: { type: 'string' },
        rpc_timeout_s: { type: 'string', default: '30' },
        max_message_size: { type: 'string', default: String(P.DEFAULT_MAX_MESSAGE_SIZE) },
        limit_margin: { type: 'string', default: '16' },
        use_tls: { type: 'string', default: 'false' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${e.message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { process.stdout.write(USAGE); return 0; }
  if (values.list) { console.log(ALL_CASES.join('\n')); return 0; }
  if (!values.server_port || !values.test_case || values.use_tls !== 'false') {
    process.stderr.write(USAGE);
    return 2;
  }
  const cases = values.test_case === 'all' ? ALL_CASES : values.test_case.split(',').filter(Boolean);
  const unknown = cases.filter((c) => !ALL_CASES.includes(c));
  if (unknown.length) {
    process.stderr.write(`unknown test case(s): ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }

  const client = new Client({
    host: values.server_host,
    port: Number(values.server_port),
    rpcTimeoutS: Number(values.rpc_timeout_s),
    maxMessageSize: Number(values.max_message_size),
    limitMargin: Number(values.limit_margin),
  });
  const failed = [];
  for (const name of cases) {
    const start = Date.now();
    try {
      await client[name]();
      console.log(`PASS ${name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed.push(name);
      let why;
      if (e instanceof CaseFailure) why = e.message;
      else if (e && typeof e.code === 'number') why = `unexpected RPC error ${statusText(e.code)}: ${JSON.stringify(e.details)}`;
      else why = (e && e.stack) || String(e);
      process.stderr.write(`FAIL ${name}: ${why}\n`);
    }
  }
  client.close();
  if (cases.length > 1) {
    console.log(`SUMMARY ${cases.length - failed.length}/${cases.length} cases passed${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  }
  return failed.length ? 1 : 0;
}

// Exit explicitly so a peer that leaves a stream open cannot keep the process alive
// (stdout/stderr writes to pipes and files are synchronous on Linux).
main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`interop_client.js: ${(e && e.stack) || e}\n`);
  process.exit(2);
});
