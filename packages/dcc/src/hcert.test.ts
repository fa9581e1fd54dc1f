import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { encode } from 'cborg';
import { base45Encode } from './base45';
import { sigStructure } from './cose';
import { HcertError } from './errors';
import { MAX_COSE_BYTES, decodeHcert, encodeHcert } from './hcert';
import { generateSigningKeyPair, signBytes, type DccAlg, type SigningKeyPair } from './keys';
import type { DccPayload } from './payload';
import { hc1FromCose, schemaExample, tamperPayload } from './test-support';
import { verifyHcert, type VerifyResult } from './verify';

const issuedAt = new Date('2021-06-12T00:00:00Z');
const expiresAt = new Date('2022-06-12T00:00:00Z');
const now = new Date('2021-07-01T00:00:00Z');

async function issue(payload: DccPayload, signer: SigningKeyPair, alg: DccAlg = 'ES256', validate = true) {
  return encodeHcert({
    payload,
    issuer: 'VN',
    issuedAt,
    expiresAt,
    kid: signer.kid,
    privateKey: signer.privateKey,
    alg,
    validate,
  });
}

const trust =
  (...signers: SigningKeyPair[]) =>
  (kid: string) =>
    signers.find((s) => s.record.kid === kid)?.publicKey;

function reasonOf(result: VerifyResult): string {
  return result.valid ? 'VALID' : result.reason;
}

describe('HC1 round trip', async () => {
  const es = await generateSigningKeyPair('ES256');
  const ps = await generateSigningKeyPair('PS256');
  for (const name of ['vaccination-simple', 'test-simple-naat', 'test-simple-rat', 'recovery-simple']) {
    for (const [alg, signer] of [
      ['ES256', es],
      ['PS256', ps],
    ] as const) {
      test(`${name} signed with ${alg} verifies with the same payload`, async () => {
        const payload = schemaExample(name);
        const hc1 = await issue(payload, signer, alg);
        assert.match(hc1, /^HC1:[0-9A-Z $%*+\-./:]+$/);
        const result = await verifyHcert(hc1, { keys: trust(es, ps), now });
        assert.ok(result.valid, JSON.stringify(result));
        assert.deepEqual(result.payload, payload);
        assert.equal(result.issuer, 'VN');
        assert.deepEqual(
          [result.issuedAt, result.expiresAt, result.kid],
          [issuedAt, expiresAt, signer.record.kid],
        );
        const decoded = decodeHcert(hc1);
        assert.equal(decoded.alg, alg);
        assert.deepEqual(decoded.kid, signer.kid);
      });
    }
  }

  test("a server's native zlib stage gives a certificate that verifies with the same payload", async () => {
    const payload = schemaExample('vaccination-simple');
    const hc1 = await encodeHcert({
      payload,
      issuer: 'VN',
      issuedAt,
      expiresAt,
      kid: es.kid,
      privateKey: es.privateKey,
      deflate: (b) => deflateSync(b, { level: 9 }),
    });
    const result = await verifyHcert(hc1, { keys: trust(es), now });
    assert.ok(result.valid, JSON.stringify(result));
    assert.deepEqual(result.payload, payload);
  });

  test('a kid carried only in the unprotected header is accepted', async () => {
    const hc1 = await issue(schemaExample('vaccination-simple'), es);
    const { sign1 } = decodeHcert(hc1).raw;
    const protectedBytes = encode(new Map([[1, -7]])); // re-signed below, so the signature stays valid
    const signature = await signBytes('ES256', es.privateKey, sigStructure(protectedBytes, sign1.payload));
    const cose = encode([protectedBytes, new Map([[4, es.kid]]), sign1.payload, signature]);
    const result = await verifyHcert(hc1FromCose(cose), { keys: trust(es), now });
    assert.equal(reasonOf(result), 'VALID');
  });
});

describe('HC1 rejection reasons', async () => {
  const signer = await generateSigningKeyPair();
  const other = await generateSigningKeyPair();
  const hc1 = await issue(schemaExample('test-simple-rat'), signer);
  const check = (text: string, opts: Partial<Parameters<typeof verifyHcert>[1]> = {}) =>
    verifyHcert(text, { keys: trust(signer), now, ...opts }).then(reasonOf);

  test('the untouched certificate is valid', async () => assert.equal(await check(hc1), 'VALID'));

  test('one Base45 character replaced by a character outside the alphabet → BAD_BASE45', async () => {
    assert.equal(await check(hc1.slice(0, 20) + 'a' + hc1.slice(21)), 'BAD_BASE45');
  });

  test('one Base45 character flipped inside the alphabet never verifies', async () => {
    const i = 40;
    const flipped = hc1.slice(0, i) + (hc1[i] === '0' ? '1' : '0') + hc1.slice(i + 1);
    assert.ok(
      ['BAD_BASE45', 'BAD_COMPRESSION', 'BAD_CBOR', 'MALFORMED', 'BAD_SIGNATURE'].includes(
        await check(flipped),
      ),
    );
  });

  test('payload changed after signing → BAD_SIGNATURE', async () => {
    const forged = tamperPayload(hc1, (p) => (p.t![0]!.tr = '260373001'));
    assert.equal(decodeHcert(forged).payload.t![0]!.tr, '260373001');
    assert.equal(await check(forged), 'BAD_SIGNATURE');
  });

  test('signer not in the trust list → UNKNOWN_KEY; same kid with another key → BAD_SIGNATURE', async () => {
    assert.equal(await check(hc1, { keys: trust(other) }), 'UNKNOWN_KEY');
    assert.equal(await check(hc1, { keys: () => other.publicKey }), 'BAD_SIGNATURE');
  });

  test('validity period: after exp → EXPIRED, before iat → NOT_YET_VALID', async () => {
    assert.equal(await check(hc1, { now: new Date(expiresAt.getTime() + 1000) }), 'EXPIRED');
    assert.equal(await check(hc1, { now: new Date(issuedAt.getTime() - 1000) }), 'NOT_YET_VALID');
  });

  test('revoked certificate identifier → REVOKED', async () => {
    const seen: string[] = [];
    const isRevoked = async (ci: string) => (
      seen.push(ci),
      ci === schemaExample('test-simple-rat').t![0]!.ci
    );
    assert.equal(await check(hc1, { isRevoked }), 'REVOKED');
    assert.deepEqual(seen, ['URN:UVCI:01:NL:DADFCC47C7334E45A906DB12FD859FB7#1']);
  });

  test('key usage restricted to vaccinations rejects a test certificate', async () => {
    assert.equal(await check(hc1, { allowedTypes: () => ['v'] }), 'KEY_USAGE');
    assert.equal(await check(hc1, { allowedTypes: () => ['t'] }), 'VALID');
  });

  test('missing or wrong prefix → BAD_PREFIX; empty input → MALFORMED', async () => {
    assert.equal(await check(hc1.slice(4)), 'BAD_PREFIX');
    assert.equal(await check('HC2:' + hc1.slice(4)), 'BAD_PREFIX');
    assert.equal(await check(''), 'MALFORMED');
  });

  test('well-formed CBOR that is not a COSE_Sign1 → MALFORMED; not CBOR → BAD_CBOR', async () => {
    assert.equal(await check(hc1FromCose(encode([1, 2, 3]))), 'MALFORMED');
    assert.equal(await check(hc1FromCose(new Uint8Array([0xff, 0x00, 0x13]))), 'BAD_CBOR');
  });

  test('uncompressed COSE → BAD_COMPRESSION', async () => {
    assert.equal(await check('HC1:' + base45Encode(decodeHcert(hc1).raw.cose)), 'BAD_COMPRESSION');
  });

  test('a COSE message inflating past MAX_COSE_BYTES (a decompression bomb) → BAD_COMPRESSION', async () => {
    const { cose } = decodeHcert(hc1).raw;
    const padded = new Uint8Array(MAX_COSE_BYTES + 1);
    padded.set(cose);
    assert.equal(await check(hc1FromCose(padded)), 'BAD_COMPRESSION');
    assert.equal(await check(hc1FromCose(new Uint8Array(4 * 1024 * 1024))), 'BAD_COMPRESSION');
    // At the bound itself it still inflates (and is then judged as CBOR: trailing bytes).
    assert.equal(await check(hc1FromCose(padded.subarray(0, MAX_COSE_BYTES))), 'BAD_CBOR');
  });

  test('the signed Sig_structure bytes are the CBOR encoding of ["Signature1", protected, h"", payload]', () => {
    for (const n of [0, 1, 23, 24, 255, 256, 65535, 65536]) {
      const protectedBytes = new Uint8Array(n % 300).fill(1);
      const payload = new Uint8Array(n).fill(2);
      assert.deepEqual(
        sigStructure(protectedBytes, payload),
        encode(['Signature1', protectedBytes, new Uint8Array(0), payload]),
        `payload of ${n} bytes`,
      );
    }
  });

  test('schema-invalid payload: refused at issue, SCHEMA_INVALID when signed anyway', async () => {
    const bad = { ...schemaExample('vaccination-simple'), dob: 'yesterday' };
    await assert.rejects(
      issue(bad, signer),
      (e: unknown) => e instanceof HcertError && e.reason === 'SCHEMA_INVALID',
    );
    assert.equal(await check(await issue(bad, signer, 'ES256', false)), 'SCHEMA_INVALID');
  });
});
