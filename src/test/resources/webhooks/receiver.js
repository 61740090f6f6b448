// sms:safe webhook receiver (docs/protocol.md §10), Node.js >= 18 without packages. Run: node receiver.js
// Environment: PORT, SMSSAFE_WEBHOOK_SECRET (the webhook.secret), EVENTS_FILE (where accepted events are appended).
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');

const TOLERANCE = 300; // seconds: refuse a timestamp further than 5 minutes from this clock, either way
const MAX_BODY = 1024 * 1024;
const secret = process.env.SMSSAFE_WEBHOOK_SECRET;
const eventsFile = process.env.EVENTS_FILE;
const idsFile = eventsFile + '.ids'; // the ids of the events handled, one a line
if (!secret || !eventsFile) throw new Error('set SMSSAFE_WEBHOOK_SECRET and EVENTS_FILE'); // never an empty secret

// Why the delivery is refused, or null when it is genuine. body: the raw bytes, exactly as they were signed.
function refusal(header, body) {
  // SmsSafe-Signature: t=1765102530,v1=5f3c…  (several v1 while the secret is being changed)
  let t = null;
  const signatures = [];
  for (const part of (header || '').split(',')) {
    const [key, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) t = value;
    else if (key === 'v1' && value !== '') signatures.push(value);
  }
  if (t === null || signatures.length === 0) return 'malformed signature header';
  if (Math.abs(Date.now() / 1000 - Number(t)) > TOLERANCE) return 'stale timestamp';
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(t + '.').update(body).digest('hex'));
  const valid = signatures.some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && crypto.timingSafeEqual(given, expected); // constant time
  });
  return valid ? null : 'bad signature';
}

function handle(request, body) {
  const refused = refusal(request.headers['smssafe-signature'], body);
  if (refused) return [400, refused];
  let event;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return [400, 'malformed body'];
  }
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string'
      || !/^[\x21-\x7e]{1,200}$/.test(event.id) || typeof event.type !== 'string') {
    return [400, 'malformed body'];
  }
  // Each event once: a retry of an event already handled has the same id.
  const handled = fs.existsSync(idsFile) ? fs.readFileSync(idsFile, 'utf8').split('\n') : [];
  if (handled.includes(event.id)) return [200, 'duplicate'];
  // the shop's own action: here, one JSON line per event
  fs.appendFileSync(eventsFile, JSON.stringify({ id: event.id, type: event.type, data: event.data ?? null }) + '\n');
  fs.appendFileSync(idsFile, event.id + '\n');
  return [200, 'accepted'];
}

http.createServer((request, response) => {
  const answer = (status, text) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(text + '\n');
  };
  if (request.method !== 'POST') return answer(405, 'POST only');
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  // handle() works synchronously: one delivery at a time, none slips in between "handled yet?" and "handled"
  request.on('end', () => answer(...(size > MAX_BODY ? [413, 'too large'] : handle(request, Buffer.concat(chunks)))));
}).listen(Number(process.env.PORT || 8000), '127.0.0.1');
