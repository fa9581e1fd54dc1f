/**
 * Certificate verification in the library: verifications per second of a valid HC1 through the full
 * pipeline (`verifyHcert`: Base45, inflate, COSE/CBOR, signature, schema) — every answer checked valid,
 * counted over the elapsed time.
 * Reference: a bare WebCrypto ECDSA P-256 verify of as many bytes as the HC1's COSE_Sign1 covers, same process.
 * Rounds alternate reference and product (order swapped each round), both warmed first.
 * Goal (issue #11): product ÷ reference ≥ 0.7×.
 *
 *   npx tsx bench/dcc-verify.bench.ts [--rounds 5] [--ms 2000]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { decodeHcert, encodeHcert, generateSigningKeyPair, verifyHcert } from '../packages/dcc/src/index';
import { arg } from './lib/args';
import { verifiedRate } from './lib/rate';
import { alternate, ratioLine } from './lib/rounds';

const rounds = arg('rounds', 5);
const ms = arg('ms', 2000);

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

const product = () =>
  verifiedRate('verifyHcert', async () => (await verifyHcert(hc1, { keys, now })).valid, { ms, warmup: 200 });
const reference = () =>
  verifiedRate('raw ECDSA', () => crypto.subtle.verify(algo, signer.publicKey, signature, data), {
    ms,
    warmup: 200,
  });

console.log(
  `certificate verification (library), HC1 ${hc1.length} chars, signed bytes ${data.length}; Node ${process.version}; ` +
    `load ${os.loadavg()[0]!.toFixed(1)}; ${rounds} rounds of ${ms} ms`,
);
const { ratios } = await alternate(
  rounds,
  reference,
  product,
  (r) => r,
  (round, ref, prod, ratio) =>
    console.log(
      `round ${round}: verifyHcert ${prod.toFixed(0).padStart(7)} /s   raw ECDSA ${ref.toFixed(0).padStart(7)} /s   ` +
        `${ratio.toFixed(2)}×`,
    ),
);
console.log(ratioLine('dcc-verify (verifyHcert ÷ raw ECDSA verify)', ratios, '≥ 0.7×'));
