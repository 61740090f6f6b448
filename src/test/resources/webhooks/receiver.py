#!/usr/bin/env python3
"""sms:safe webhook receiver (docs/protocol.md §10), Python 3 standard library only. Run: python3 receiver.py
Environment: PORT, SMSSAFE_WEBHOOK_SECRET (the webhook.secret), EVENTS_FILE (where accepted events are appended)."""
import hashlib
import hmac
import json
import os
import pathlib
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE = 300  # seconds: refuse a timestamp further than 5 minutes from this clock, either way
MAX_BODY = 1024 * 1024
SECRET = os.environ['SMSSAFE_WEBHOOK_SECRET'].encode()
if not SECRET:
    raise SystemExit('SMSSAFE_WEBHOOK_SECRET is empty')  # never check against an empty secret
EVENTS_FILE = os.environ['EVENTS_FILE']
IDS_FILE = pathlib.Path(EVENTS_FILE + '.ids')  # the ids of the events handled, one a line
lock = threading.Lock()  # one delivery at a time between "handled yet?" and "handled"


def refusal(header, body):
    """Why the delivery is refused, or None when it is genuine. body: the raw bytes, exactly as they were signed."""
    # SmsSafe-Signature: t=1765102530,v1=5f3c…  (several v1 while the secret is being changed)
    t, signatures = None, []
    for part in (header or '').split(','):
        key, _, value = part.strip().partition('=')
        if key == 't' and re.fullmatch(r'[0-9]{1,12}', value):
            t = value
        elif key == 'v1' and value:
            signatures.append(value)
    if t is None or not signatures:
        return 'malformed signature header'
    if abs(time.time() - int(t)) > TOLERANCE:
        return 'stale timestamp'
    expected = hmac.new(SECRET, t.encode() + b'.' + body, hashlib.sha256).hexdigest().encode()
    if not any(hmac.compare_digest(expected, signature.encode()) for signature in signatures):  # constant time
        return 'bad signature'
    return None


def handle(header, body):
    refused = refusal(header, body)
    if refused:
        return 400, refused
    try:
        event = json.loads(body)
    except ValueError:
        return 400, 'malformed body'
    if (not isinstance(event, dict) or not isinstance(event.get('id'), str)
            or not re.fullmatch(r'[\x21-\x7e]{1,200}', event['id']) or not isinstance(event.get('type'), str)):
        return 400, 'malformed body'
    with lock:
        # Each event once: a retry of an event already handled has the same id.
        handled = IDS_FILE.read_text(encoding='utf-8').split('\n') if IDS_FILE.exists() else []
        if event['id'] in handled:
            return 200, 'duplicate'
        # the shop's own action: here, one JSON line per event
        line = json.dumps({'id': event['id'], 'type': event['type'], 'data': event.get('data')},
                          ensure_ascii=False, separators=(',', ':'))
        with open(EVENTS_FILE, 'a', encoding='utf-8') as events:
            events.write(line + '\n')
        with open(IDS_FILE, 'a', encoding='utf-8') as ids:
            ids.write(event['id'] + '\n')
        return 200, 'accepted'


class Receiver(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'  # keep-alive, as a sender expects: HTTP/1.0 closes under a pooling client

    def do_POST(self):
        length = int(self.headers.get('Content-Length') or 0)
        if not 0 <= length <= MAX_BODY:
            self.close_connection = True  # the body is not read: this connection cannot carry another request
            return self.answer(413, 'too large')
        self.answer(*handle(self.headers.get('SmsSafe-Signature'), self.rfile.read(length)))

    def do_GET(self):
        self.answer(405, 'POST only')

    def answer(self, status, text):
        data = (text + '\n').encode()
        self.send_response(status)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == '__main__':
    ThreadingHTTPServer(('127.0.0.1', int(os.environ.get('PORT', '8000'))), Receiver).serve_forever()
