// Verifications per second of a valid HC1 (full pipeline) vs a bare WebCrypto ECDSA P-256 verify of the
// same signed bytes, in one process. Run: npx tsx bench/dcc-verify.bench.ts
import { readFileSync } from 'node:fs';
import { decodeHcert, encodeHcert, generateSigningKeyPair, verifyHcert } from '../packages/dcc/src/index';

const payload = JSON.parse(
  readFileSync(
    new URL('../packages/dcc/standards/examples/vaccination-simple.json', import.meta.url),
    'utf8',
  ),
);
const signer = await generateSigningKeyPair('ES256');
const now = new Date();
const hc1 = await encodeHcert({
  payload,
  issuer: 'VN',
  issuedAt: now,
  expiresAt: new Date(now.getTime() + 365 * 86_400_000),
  kid: signer.kid,
  privateKey: signer.privateKey,
});
const keys = (kid: string) => (kid === signer.record.kid ? signer.publicKey : undefined);

// The raw baseline signs and verifies exactly as many bytes as the HC1's COSE_Sign1 covers.
const { sign1 } = decodeHcert(hc1).raw;
const data = new Uint8Array(sign1.payload.length + sign1.protectedBytes.length + 14).fill(7);
const algo = { name: 'ECDSA', hash: 'SHA-256' } as const;
const signature = await crypto.subtle.sign(algo, signer.privateKey, data);

async function perSecond(label: string, fn: () => Promise<boolean>, ms = 2000): Promise<number> {
  for (let i = 0; i < 200; i++) if (!(await fn())) throw new Error(`${label}: verification failed`);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 50; i++) if (!(await fn())) throw new Error(`${label}: verification failed`);
    n += 50;
  }
  const rate = n / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(28)} ${rate.toFixed(0).padStart(8)} /s`);
  return rate;
}

console.log(`HC1 length ${hc1.length} chars, signed bytes ${data.length}`);
const full = await perSecond('verifyHcert (HC1)', async () => (await verifyHcert(hc1, { keys, now })).valid);
const raw = await perSecond('raw ECDSA P-256 verify', () =>
  crypto.subtle.verify(algo, signer.publicKey, signature, data),
);
console.log(`ratio raw/HC1: ${(raw / full).toFixed(2)}× (HC1 overhead: Base45, inflate, CBOR, schema)`);
