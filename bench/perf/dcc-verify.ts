/**
 * Certificate verification (verifyHcert: Base45, inflate, CBOR/COSE, signature, validity, schema)
 * against a bare WebCrypto ECDSA P-256 verify of the very bytes the certificate's signature covers,
 * alternating rounds in one process. Prints product ÷ reference per round, median and range.
 * Goal (issue #11): ≥ 0.7×.
 *
 *   npx tsx bench/perf/dcc-verify.ts --rounds 7
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/perf/dcc-verify.ts
 */
import { readFileSync } from 'node:fs';
import { decodeHcert, encodeHcert, generateSigningKeyPair, verifyHcert } from '../../packages/dcc/src/index';
import { sigStructure } from '../../packages/dcc/src/cose';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rounds = arg('rounds', 7);
const ms = arg('ms', 700);

const payload = JSON.parse(
  readFileSync(
    new URL('../../packages/dcc/standards/examples/vaccination-simple.json', import.meta.url),
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
const { sign1 } = decodeHcert(hc1).raw;
const signed = sigStructure(sign1.protectedBytes, sign1.payload);
const algo = { name: 'ECDSA', hash: 'SHA-256' } as const;

async function rate(fn: () => Promise<boolean>): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 20; i++) if (!(await fn())) throw new Error('verification failed');
    n += 20;
  }
  return n / ((performance.now() - start) / 1000);
}
const product = async () => (await verifyHcert(hc1, { keys, now })).valid;
const reference = () => crypto.subtle.verify(algo, signer.publicKey, sign1.signature, signed);
await rate(product);
await rate(reference);
const ratios: number[] = [];
const p: number[] = [];
const r: number[] = [];
for (let i = 0; i < rounds; i++) {
  const [a, b] = i % 2 ? [await rate(reference), await rate(product)] : [0, 0];
  const pr = i % 2 ? b : await rate(product);
  const rr = i % 2 ? a : await rate(reference);
  p.push(pr);
  r.push(rr);
  ratios.push(pr / rr);
}
const med = (x: number[]) => [...x].sort((m, n) => m - n)[Math.floor(x.length / 2)]!;
console.log(`HC1 ${hc1.length} chars; ${rounds} alternating rounds of ${ms} ms`);
console.log(
  `product verifyHcert  median ${med(p).toFixed(0)}/s; reference raw verify median ${med(r).toFixed(0)}/s`,
);
console.log(
  `product ÷ reference  median ${med(ratios).toFixed(2)}×  range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`,
);
