#!/usr/bin/python3
"""The same closed-loop EmptyCall load as bench's C# UnaryLoad, but with Debian's grpcio client (grpc.aio).

Usage: grpcio_load.py --port N --concurrency C --warmup_s W --duration_s D
Prints one JSON line: {"calls":..,"errors":..,"seconds":..,"p50_ms":..,"p99_ms":..}.
Requests and replies stay raw bytes (grpc.testing.Empty serializes to b""), so no protos are needed and no
protobuf work is added to the client side.
"""

import argparse
import asyncio
import json
import math
import time

import grpc

METHOD = "/grpc.testing.TestService/EmptyCall"


async def loop(call, concurrency, seconds, record):
    end = time.perf_counter() + seconds
    latencies = []
    errors = 0

    async def worker():
        nonlocal errors
        while time.perf_counter() < end:
            start = time.perf_counter()
            try:
                await call(b"")
                if record:
                    latencies.append((time.perf_counter() - start) * 1000.0)
            except grpc.aio.AioRpcError:
                errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def percentile(values, p):
    if not values:
        return float("nan")
    return values[min(max(math.ceil(p * len(values)) - 1, 0), len(values) - 1)]


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--concurrency", type=int, required=True)
    ap.add_argument("--warmup_s", type=float, default=1.0)
    ap.add_argument("--duration_s", type=float, default=5.0)
    args = ap.parse_args()
    async with grpc.aio.insecure_channel("127.0.0.1:%d" % args.port) as channel:
        call = channel.unary_unary(METHOD)
        await loop(call, args.concurrency, args.warmup_s, False)
        started = time.perf_counter()
        latencies, errors = await loop(call, args.concurrency, args.duration_s, True)
        seconds = time.perf_counter() - started
    latencies.sort()
    print(json.dumps({"calls": len(latencies), "errors": errors, "seconds": seconds,
                      "p50_ms": percentile(latencies, 0.50), "p99_ms": percentile(latencies, 0.99)}))


if __name__ == "__main__":
    asyncio.run(main())
