// POST /redeem (docs/protocol.md §9) from Node.js >= 18 without packages: spends a paid code once.
// Run: node redeem.js BASE_URL API_KEY CODE REFERENCE   (prints e.g. "200 redeemed" or "409 already redeemed")
const http = require('http');
const https = require('https');

// Resolves to { status, json }: json is the answer parsed, or null when it is not JSON (a 503).
function redeem(baseUrl, apiKey, code, reference) {
  const url = new URL('redeem', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  const form = new URLSearchParams({ code, reference }).toString();
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(form),
        Authorization: `Bearer ${apiKey}`,
      },
      timeout: 30000,
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        let json = null;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          // not JSON: a 503 "try again later"
        }
        resolve({ status: response.statusCode, json });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`sms:safe at ${baseUrl} did not answer in time`)));
    request.on('error', reject);
    request.end(form);
  });
}

module.exports = { redeem };

if (require.main === module) {
  const [baseUrl, apiKey, code, reference] = process.argv.slice(2);
  redeem(baseUrl, apiKey, code, reference).then(({ status, json }) => {
    // 200 redeemed: give what was paid for (the same answer again for a retry with the same reference);
    // 409 already redeemed / not paid yet / reversed / test payment, 404 unknown session: do not;
    // 503 (not JSON): try again later
    console.log(`${status} ${(json && json.result) || 'no JSON answer'}`);
    process.exitCode = status === 200 ? 0 : 1;
  }, (error) => {
    console.error(error.message);
    process.exitCode = 2;
  });
}
