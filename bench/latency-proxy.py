#!/usr/bin/env python3
"""Benchmark helper (not a test): a TCP relay that delays every byte by half a round trip in each direction, as an
office WAN would (no bandwidth limit, order kept). The kernel's netem qdisc is not available in every container.
Usage: latency-proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT RTT_MS   (prints "ready" once listening)"""
import asyncio
import sys
import time

listen_port, host, port, rtt_ms = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
delay = rtt_ms / 2000.0


async def pipe(reader, writer):
    queue = asyncio.Queue()

    async def send():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(send())
    try:
        while True:
            data = await reader.read(65536)
            queue.put_nowait((time.monotonic() + delay, data or None))
            if not data:
                break
    except ConnectionError:
        queue.put_nowait((0, None))
    await sender


async def relay(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(host, port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer),
                         return_exceptions=True)


async def main():
    server = await asyncio.start_server(relay, "127.0.0.1", listen_port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
