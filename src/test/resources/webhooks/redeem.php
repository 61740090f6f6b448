<?php
// POST /redeem (docs/protocol.md §9) from plain PHP: spends a paid code once.
// Run: php redeem.php BASE_URL API_KEY CODE REFERENCE   (prints e.g. "200 redeemed" or "409 already redeemed")

/** Returns [HTTP status, the JSON answer as an array, or null when the answer is not JSON (a 503)]. */
function smssafe_redeem(string $baseUrl, string $apiKey, string $code, string $reference): array
{
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\nAuthorization: Bearer $apiKey\r\n",
        'content' => http_build_query(['code' => $code, 'reference' => $reference]),
        'ignore_errors' => true, // a 409 or a 404 is an answer too: read its JSON
        'follow_location' => 0,
        'timeout' => 30,
    ]]);
    $body = @file_get_contents(rtrim($baseUrl, '/') . '/redeem', false, $context);
    if ($body === false) {
        throw new RuntimeException("sms:safe at $baseUrl did not answer");
    }
    preg_match('{^HTTP/\S+ (\d{3})}', $http_response_header[0], $status);
    return [(int) $status[1], json_decode($body, true)];
}

if (PHP_SAPI === 'cli' && realpath($argv[0]) === __FILE__) {
    try {
        [$status, $answer] = smssafe_redeem($argv[1], $argv[2], $argv[3], $argv[4]);
    } catch (RuntimeException $e) {
        fwrite(STDERR, $e->getMessage() . "\n");
        exit(2);
    }
    // 200 redeemed: give what was paid for (the same answer again for a retry with the same reference);
    // 409 already redeemed / not paid yet / reversed / test payment, 404 unknown session: do not;
    // 503 (not JSON): try again later
    echo $status, ' ', $answer['result'] ?? 'no JSON answer', "\n";
    exit($status === 200 ? 0 : 1);
}
