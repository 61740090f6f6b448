<?php
// sms:safe webhook receiver (docs/protocol.md §10), plain PHP. Run: php -S 127.0.0.1:8000 receiver.php
// Environment: SMSSAFE_WEBHOOK_SECRET (the webhook.secret), EVENTS_FILE (where accepted events are appended).

const TOLERANCE = 300; // seconds: refuse a timestamp further than 5 minutes from this clock, either way

function answer(int $status, string $text): void
{
    http_response_code($status);
    header('Content-Type: text/plain; charset=utf-8');
    echo $text, "\n";
    exit;
}

$secret = getenv('SMSSAFE_WEBHOOK_SECRET');
$eventsFile = getenv('EVENTS_FILE');
if (!$secret || !$eventsFile) {
    answer(500, 'set SMSSAFE_WEBHOOK_SECRET and EVENTS_FILE'); // never check against an empty secret
}
if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    answer(405, 'POST only');
}
$body = file_get_contents('php://input'); // the raw body, byte for byte as it was signed

// SmsSafe-Signature: t=1765102530,v1=5f3c…  (several v1 while the secret is being changed)
$t = null;
$signatures = [];
foreach (explode(',', $_SERVER['HTTP_SMSSAFE_SIGNATURE'] ?? '') as $part) {
    [$key, $value] = array_pad(explode('=', trim($part), 2), 2, '');
    if ($key === 't' && preg_match('/^[0-9]{1,12}$/', $value)) {
        $t = $value;
    } elseif ($key === 'v1' && $value !== '') {
        $signatures[] = $value;
    }
}
if ($t === null || !$signatures) {
    answer(400, 'malformed signature header');
}
if (abs(time() - (int) $t) > TOLERANCE) {
    answer(400, 'stale timestamp');
}
$expected = hash_hmac('sha256', $t . '.' . $body, $secret);
$valid = false;
foreach ($signatures as $signature) {
    $valid = hash_equals($expected, $signature) || $valid; // constant time
}
if (!$valid) {
    answer(400, 'bad signature');
}

$event = json_decode($body); // objects stay objects: {} is not turned into []
if (!is_object($event) || !is_string($event->id ?? null) || !preg_match('/^[\x21-\x7e]{1,200}$/', $event->id)
    || !is_string($event->type ?? null)) {
    answer(400, 'malformed body');
}

// Each event once: a retry of an event already handled has the same id. php -S runs every request afresh,
// so the ids handled are kept in a file next to the events, locked while one delivery is handled.
$ids = fopen($eventsFile . '.ids', 'c+');
flock($ids, LOCK_EX);
$duplicate = in_array($event->id, explode("\n", stream_get_contents($ids)), true);
if (!$duplicate) {
    // the shop's own action: here, one JSON line per event
    $line = json_encode(['id' => $event->id, 'type' => $event->type, 'data' => $event->data ?? null],
        JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    file_put_contents($eventsFile, $line . "\n", FILE_APPEND);
    fwrite($ids, $event->id . "\n");
}
flock($ids, LOCK_UN);
fclose($ids);
answer(200, $duplicate ? 'duplicate' : 'accepted');
