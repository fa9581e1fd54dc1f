/**
 * Certificate verification as the verify API does it (trust list read from the database, key import
 * cached, revocation lookup) beside a bare WebCrypto ECDSA P-256 verify, in one process.
 *
 *   npx tsx bench/lab-dcc-verify.bench.ts
 *   DATABASE_URL=postgres://… npx tsx bench/lab-dcc-verify.bench.ts
 */
import { decodeHcert, encodeHcert } from '@phongdich/dcc';
import { openBenchDb } from './lib/bench-db';
import { signingKey } from '../apps/server/src/modules/keys/keys.service';
import { verifyCertificate } from '../apps/server/src/modules/certificates/certificates.verify';
import {
  newUvci,
  testCertificatePayload,
} from '../apps/server/src/modules/certificates/certificates.payload';

const { db, where } = await openBenchDb();
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

  async function perSecond(label: string, fn: () => Promise<boolean>, ms = 3000): Promise<number> {
    if (!(await fn())) throw new Error(`${label}: not valid`);
    let n = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      await fn();
      n++;
    }
    const rate = n / (ms / 1000);
    console.log(`${label.padEnd(56)} ${Math.round(rate).toLocaleString('en').padStart(8)} /s`);
    return rate;
  }
  console.log(where);
  const api = await perSecond(
    'verify API path (DB trust list + revocation + HC1)',
    async () => (await verifyCertificate(db, hc1)).valid,
  );
  const raw = await perSecond('reference: raw WebCrypto ECDSA P-256 verify', () =>
    crypto.subtle.verify(algo, publicKey, signature, data),
  );
  console.log(`ratio: ${(api / raw).toFixed(2)} of raw`);
} finally {
  await db.close();
}
