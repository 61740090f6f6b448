#!/usr/bin/env python3
"""POST /redeem (docs/protocol.md §9) from Python 3 standard library only: spends a paid code once.
Run: python3 redeem.py BASE_URL API_KEY CODE REFERENCE   (prints e.g. "200 redeemed" or "409 already redeemed")"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def redeem(base_url, api_key, code, reference):
    """Returns (HTTP status, the JSON answer as a dict, or None when the answer is not JSON (a 503))."""
    request = urllib.request.Request(
        base_url.rstrip('/') + '/redeem',
        data=urllib.parse.urlencode({'code': code, 'reference': reference}).encode(),
        headers={'Content-Type': 'application/x-www-form-urlencoded', 'Authorization': 'Bearer ' + api_key})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:  # a 409 or a 404 is an answer too: read its JSON
        status, body = error.code, error.read()
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


if __name__ == '__main__':
    try:
        status, answer = redeem(*sys.argv[1:5])
    except OSError as error:  # not reachable, or no answer in time
        print(f'sms:safe at {sys.argv[1]} did not answer: {error}', file=sys.stderr)
        sys.exit(2)
    # 200 redeemed: give what was paid for (the same answer again for a retry with the same reference);
    # 409 already redeemed / not paid yet / reversed / test payment, 404 unknown session: do not;
    # 503 (not JSON): try again later
    print(status, (answer or {}).get('result', 'no JSON answer'))
    sys.exit(0 if status == 200 else 1)
