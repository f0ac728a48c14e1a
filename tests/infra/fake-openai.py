#!/usr/bin/env python3
"""Deterministic stand-in for an OpenAI-compatible chat-completions endpoint (stdlib only).
Complements the real llama-server: use it where a test needs a fixed answer or an error.

  GET  /v1/models
  POST /v1/chat/completions    {"model", "messages", "stream"?, ...} -> chat.completion JSON,
                               or SSE chunks ("data: {...}\n\n" ... "data: [DONE]\n\n") when stream=true
  Authorization: Bearer <--api-key> required (401 invalid_api_key otherwise)
  test control:
  POST /_fake/reply   {"content": "..."}                      next answers' text (default: canned analysis)
  POST /_fake/fail    {"status": 429, "count": 1, "retry_after": 1, "delay": 0}  queue failures/delays
  GET  /_fake/requests                                        bodies received
  POST /_fake/reset   {}                                      clear queued failures, recorded requests, reply

How a test makes it fail (the queue is global to the server: tests sharing one instance that inject
failures must not run concurrently, or should start a private instance with --port 0):
  500s:     POST /_fake/fail {"status": 500, "count": 3}      next 3 chat completions answer HTTP 500
            ({"error": {"message": "injected failure", "type": "server_error", ...}})
  429:      POST /_fake/fail {"status": 429, "retry_after": 2} answers 429 with a Retry-After: 2 header
  timeout:  POST /_fake/fail {"status": 200, "delay": 30}     next completion is held 30 s, then answered
            normally (a client with a shorter timeout sees a timeout); "delay" also combines with an
            error status (delay first, then the error).
Only POST /v1/chat/completions consumes queued failures; GET /v1/models is never failed.
Run standalone: fake-openai.py --port 0 prints "listening on http://127.0.0.1:PORT/v1" with the real port.
"""
import argparse, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
DEFAULT_REPLY = "Summary: 1 target down (127.0.0.1:19999). CPU and memory normal. Action: check the dead exporter."
STATE = {"reply": DEFAULT_REPLY,
         "fails": [], "requests": [], "key": None, "model": "fake-model"}
ERR = {400: ("invalid_request_error", None), 401: ("invalid_request_error", "invalid_api_key"),
       429: ("rate_limit_exceeded", "rate_limit_exceeded"), 500: ("server_error", None), 503: ("server_error", None)}


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))

    def send_json(self, code, obj, headers=()):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers(); self.wfile.write(data)

    def error(self, code, msg, headers=()):
        typ, c = ERR.get(code, ("server_error", None))
        self.send_json(code, {"error": {"message": msg, "type": typ, "param": None, "code": c}}, headers)

    def authed(self):
        return not STATE["key"] or self.headers.get("Authorization") == f"Bearer {STATE['key']}"

    def do_GET(self):
        if self.path == "/_fake/requests":
            with LOCK:
                return self.send_json(200, STATE["requests"])
        if not self.authed():
            return self.error(401, "Incorrect API key provided.")
        if self.path.rstrip("/") == "/v1/models":
            return self.send_json(200, {"object": "list", "data": [
                {"id": STATE["model"], "object": "model", "created": 0, "owned_by": "shark-test"}]})
        return self.error(404, f"Unknown path {self.path}")

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/_fake/reply":
            STATE["reply"] = json.loads(raw)["content"]; return self.send_json(200, {"ok": True})
        if self.path == "/_fake/reset":
            with LOCK:
                STATE["fails"].clear(); STATE["requests"].clear(); STATE["reply"] = DEFAULT_REPLY
            return self.send_json(200, {"ok": True})
        if self.path == "/_fake/fail":
            spec = json.loads(raw)
            with LOCK:
                STATE["fails"] += [spec] * int(spec.get("count", 1))
            return self.send_json(200, {"ok": True})
        if self.path.rstrip("/") != "/v1/chat/completions":
            return self.error(404, f"Unknown path {self.path}")
        if not self.authed():
            return self.error(401, "Incorrect API key provided.")
        try:
            req = json.loads(raw)
            assert isinstance(req.get("messages"), list) and req["messages"]
        except Exception:
            return self.error(400, "'messages' is a required property")
        with LOCK:
            STATE["requests"].append(req)
            fail = STATE["fails"].pop(0) if STATE["fails"] else None
        if fail:
            time.sleep(float(fail.get("delay", 0)))
            if fail.get("status", 200) != 200:
                hdrs = [("Retry-After", str(fail["retry_after"]))] if "retry_after" in fail else []
                return self.error(int(fail["status"]), fail.get("message", "injected failure"), hdrs)
        content, model, cid, now = STATE["reply"], req.get("model") or STATE["model"], "chatcmpl-fake1", int(time.time())
        usage = {"prompt_tokens": sum(len(str(m.get("content", "")).split()) for m in req["messages"]),
                 "completion_tokens": len(content.split())}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if not req.get("stream"):
            return self.send_json(200, {"id": cid, "object": "chat.completion", "created": now, "model": model,
                                        "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                                     "finish_reason": "stop"}], "usage": usage})
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream"); self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked"); self.end_headers()

        def chunk(obj):
            b = (f"data: {json.dumps(obj) if not isinstance(obj, str) else obj}\n\n").encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(b), b)); self.wfile.flush()
        base = {"id": cid, "object": "chat.completion.chunk", "created": now, "model": model}
        chunk({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]})
        for w in content.split(" "):
            chunk({**base, "choices": [{"index": 0, "delta": {"content": w + " "}, "finish_reason": None}]})
        chunk({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        chunk("[DONE]")
        self.wfile.write(b"0\r\n\r\n"); self.wfile.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1"); ap.add_argument("--port", type=int, default=18082)
    ap.add_argument("--api-key", default="shark-test-llm-key"); ap.add_argument("--model", default="fake-model")
    a = ap.parse_args()
    STATE["key"], STATE["model"] = a.api_key, a.model
    srv = ThreadingHTTPServer((a.host, a.port), H); srv.daemon_threads = True
    print(f"listening on http://{a.host}:{srv.server_address[1]}/v1", flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
