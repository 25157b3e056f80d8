#!/usr/bin/env python3
"""Requests per minute that one idle `parler mcp` sends its hub.

Starts `parler hub`, puts a counting TCP relay in front of it, starts `parler mcp` against the relay, makes one tool
call (so the server dials the hub and its watcher starts), then counts the HTTP requests the relay sees while the
server sits idle. Usage: idle_requests.py /path/to/parler [seconds=60]
"""
import json, os, re, socket, subprocess, sys, tempfile, threading, time

parler = sys.argv[1]
seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
scratch = tempfile.mkdtemp(prefix="parler-idle-")
env = {**os.environ, "NO_COLOR": "1"}

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

hub_port, relay_port = free_port(), free_port()
hub = subprocess.Popen([parler, "hub", "--addr", f"127.0.0.1:{hub_port}", "--db", os.path.join(scratch, "hub.db")],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
hub.stdout.readline()

requests = []
request_line = re.compile(rb"(?:^|\r\n)(GET|POST|PUT|DELETE) (\S+) HTTP/1\.1\r\n")

def pump(src, dst, count):
    try:
        while data := src.recv(65536):
            if count:
                requests.extend((time.monotonic(), m.group(2).decode()) for m in request_line.finditer(data))
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

def relay():
    server = socket.create_server(("127.0.0.1", relay_port))
    while True:
        client, _ = server.accept()
        upstream = socket.create_connection(("127.0.0.1", hub_port))
        threading.Thread(target=pump, args=(client, upstream, True), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client, False), daemon=True).start()

threading.Thread(target=relay, daemon=True).start()
mcp = subprocess.Popen([parler, "mcp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       env={**env, "PARLER_HOME": os.path.join(scratch, "idle"), "PARLER_HUB": f"http://127.0.0.1:{relay_port}",
                            "PARLER_NAME": "idle"})

def rpc(message):
    mcp.stdin.write((json.dumps(message) + "\n").encode())
    mcp.stdin.flush()
    if "id" in message:
        while True:
            reply = json.loads(mcp.stdout.readline())
            if reply.get("id") == message["id"]:
                return reply

rpc({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "idle", "version": "1"}}})
rpc({"jsonrpc": "2.0", "method": "notifications/initialized"})
rpc({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "parler_open_session",
     "arguments": {"topic": "idle-room", "context": "nothing happens here"}}})
time.sleep(3)
start = time.monotonic()
time.sleep(seconds)
idle = [path for at, path in requests if at >= start]
print(f"idle requests in {seconds} s: {len(idle)} ({len(idle) * 60 / seconds:.1f} per minute)")
for path in sorted(set(p.split("?")[0] for p in idle)):
    print(f"  {sum(1 for p in idle if p.split('?')[0] == path)} x {path}")
mcp.kill()
hub.kill()
