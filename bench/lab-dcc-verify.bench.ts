/**
 * Certificate verification as the verify API does it (`verifyCertificate`: trust list read from the
 * database, key import cached, revocation lookup, HC1 pipeline) — every answer checked valid, counted
 * over the elapsed time.
 * Reference: a bare WebCrypto ECDSA P-256 verify of as many bytes as the HC1's COSE_Sign1 covers, same process.
 * Rounds alternate reference and product (order swapped each round), both warmed first.
 * Goal (issue #11): product ÷ reference ≥ 0.5×.
 *
 *   npx tsx bench/lab-dcc-verify.bench.ts [--rounds 5] [--ms 2000]
 *   BENCH_PG=throwaway npx tsx bench/lab-dcc-verify.bench.ts      (PostgreSQL with fsync on)
 */
import { decodeHcert, encodeHcert } from '@phongdich/dcc';
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { verifiedRate } from './lib/rate';
import { alternate, ratioLine } from './lib/rounds';
import { withKeysSecret } from '../apps/server/src/core/crypto/keys-secret';
import { signingKey } from '../apps/server/src/modules/keys/keys.service';
import { verifyCertificate } from '../apps/server/src/modules/certificates/certificates.verify';
import {
  newUvci,
  testCertificatePayload,
} from '../apps/server/src/modules/certificates/certificates.payload';

const rounds = arg('rounds', 5);
const ms = arg('ms', 2000);

const opened = await openBenchDb();
const { where, done } = opened;
// The signing key is encrypted at rest under the server secret, which the app binds to its handle.
const db = withKeysSecret(opened.db, 'bench-secret-not-for-production');
try {
  const key = await signingKey(db, 'dcc');
  const now = new Date();
  const facts = {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-05-17',
    birthYear: 1990,
    testType: 'rt_pcr' as const,
    result: 'negative' as const,
    kit: null,
    collectedAt: now,
    labName: 'CDC Hà Nội',
  };
  const hc1 = await encodeHcert({
    payload: testCertificatePayload(facts, newUvci()),
    issuer: 'VN',
    issuedAt: now,
    expiresAt: new Date(now.getTime() + 864e5),
    kid: key.kidBytes,
    privateKey: key.privateKey,
  });
  const { sign1 } = decodeHcert(hc1).raw;
  const publicKey = await crypto.subtle.importKey(
    'jwk',
    key.publicKeyJwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  const data = new Uint8Array(sign1.payload.length + sign1.protectedBytes.length + 14).fill(7);
  const algo = { name: 'ECDSA', hash: 'SHA-256' } as const;
  const signature = await crypto.subtle.sign(algo, key.privateKey, data);

  const product = () =>
    verifiedRate('verify API path', async () => (await verifyCertificate(db, hc1)).valid, {
      ms,
      warmup: 20,
    });
  const reference = () =>
    verifiedRate('raw ECDSA', () => crypto.subtle.verify(algo, publicKey, signature, data), {
      ms,
      warmup: 20,
    });
  console.log(
    `certificate verification through the verify API path on ${where}; ${rounds} rounds of ${ms} ms`,
  );
  const { ratios } = await alternate(
    rounds,
    reference,
    product,
    (r) => r,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: verify API path ${prod.toFixed(0).padStart(7)} /s   raw ECDSA ${ref.toFixed(0).padStart(7)} /s   ` +
          `${ratio.toFixed(2)}×`,
      ),
  );
  console.log(ratioLine('lab-dcc-verify (verify API path ÷ raw ECDSA verify)', ratios, '≥ 0.5×'));
} finally {
  await done();
}
