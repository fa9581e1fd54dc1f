// EU verifier behaviour on the CBOR shapes valid certificates in circulation use: every wrapping the
// spec allows, the date tags, kid placement, older schemas with several entries, formats not checked,
// and a clear reason for what cannot be verified.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encode, Tagged } from 'cborg';
import { base45Encode } from './base45';
import { sigStructure } from './cose';
import { HC1_PREFIX } from './hcert';
import { generateSigningKeyPair, signBytes, type DccAlg, type SigningKeyPair } from './keys';
import type { DccPayload } from './payload';
import { hc1FromCose, schemaExample } from './test-support';
import { verifyHcert } from './verify';
import { zlibSync } from 'fflate';

const iat = Date.parse('2021-06-12T00:00:00Z') / 1000;
const exp = Date.parse('2022-06-12T00:00:00Z') / 1000;
const now = new Date('2021-07-01T00:00:00Z');

interface Shape {
  /** Wrap COSE_Sign1 in tag 18 (default true) and that in tag 61. */
  coseTag?: boolean;
  cwtTag?: boolean;
  kidIn?: 'protected' | 'unprotected' | 'both-wrong-unprotected';
  /** Claims: numbers by default; 'epoch-tag' wraps iat/exp in tag 1; 'float' uses floats. */
  times?: 'plain' | 'epoch-tag' | 'float';
  alg?: DccAlg;
  coseAlg?: number;
}

/** Builds and signs a COSE message by hand, so each variant is exactly the bytes the test names. */
async function hc1Of(signer: SigningKeyPair, dcc: unknown, shape: Shape = {}): Promise<string> {
  const alg = shape.alg ?? 'ES256';
  const algId = shape.coseAlg ?? (alg === 'ES256' ? -7 : -37);
  const kidIn = shape.kidIn ?? 'protected';
  const protectedMap = new Map<number, unknown>([[1, algId]]);
  const unprotected = new Map<number, unknown>();
  if (kidIn === 'protected' || kidIn === 'both-wrong-unprotected') protectedMap.set(4, signer.kid);
  if (kidIn === 'unprotected') unprotected.set(4, signer.kid);
  if (kidIn === 'both-wrong-unprotected') unprotected.set(4, new Uint8Array(8).fill(9));
  const time = (t: number) =>
    shape.times === 'epoch-tag' ? new Tagged(1, t) : shape.times === 'float' ? t + 0.5 : t;
  const claims = new Map<number, unknown>([
    [1, 'VN'],
    [4, time(exp)],
    [6, time(iat)],
    [-260, new Map([[1, dcc]])],
  ]);
  const protectedBytes = encode(protectedMap);
  const payload = encode(claims);
  const signature = await signBytes(alg, signer.privateKey, sigStructure(protectedBytes, payload));
  let message: unknown = [protectedBytes, unprotected, payload, signature];
  if (shape.coseTag !== false) message = new Tagged(18, message);
  if (shape.cwtTag) message = new Tagged(61, message);
  return hc1FromCose(encode(message));
}

const reasonOf = async (hc1: string, signer: SigningKeyPair, allowed?: ('v' | 't' | 'r')[]) => {
  const r = await verifyHcert(hc1, {
    keys: (kid) => (kid === signer.record.kid ? signer.publicKey : undefined),
    now,
    ...(allowed && { allowedTypes: () => allowed }),
  });
  return r.valid ? 'VALID' : r.reason;
};

describe('CBOR structures valid EU certificates use', async () => {
  const es = await generateSigningKeyPair('ES256');
  const ps = await generateSigningKeyPair('PS256');
  const vacc = schemaExample('vaccination-simple');

  test('COSE_Sign1 untagged, tagged 18, and tagged 18 inside CWT tag 61', async () => {
    assert.equal(await reasonOf(await hc1Of(es, vacc, { coseTag: false }), es), 'VALID');
    assert.equal(await reasonOf(await hc1Of(es, vacc), es), 'VALID');
    assert.equal(await reasonOf(await hc1Of(es, vacc, { cwtTag: true }), es), 'VALID');
  });

  test('kid in the protected header, in the unprotected one, and the protected one winning', async () => {
    assert.equal(await reasonOf(await hc1Of(es, vacc, { kidIn: 'unprotected' }), es), 'VALID');
    assert.equal(await reasonOf(await hc1Of(es, vacc, { kidIn: 'both-wrong-unprotected' }), es), 'VALID');
  });

  test('iat/exp as plain numbers, floats, or in the epoch tag 1', async () => {
    for (const times of ['plain', 'float', 'epoch-tag'] as const)
      assert.equal(await reasonOf(await hc1Of(es, vacc, { times }), es), 'VALID', times);
  });

  test('payload dates in the date tags 0 (date-time), 1004 (full-date), 100 (days) and 1 (epoch)', async () => {
    const entry = vacc.v![0]!;
    const dated = new Map<string, unknown>([
      ['ver', vacc.ver],
      ['nam', vacc.nam],
      ['dob', new Tagged(1004, vacc.dob)],
      ['v', [{ ...entry, dt: new Tagged(1004, entry.dt) }]],
    ]);
    const hc1 = await hc1Of(es, dated);
    const r = await verifyHcert(hc1, { keys: () => es.publicKey, now });
    assert.ok(r.valid, JSON.stringify(r));
    assert.equal(r.payload.dob, vacc.dob);
    assert.equal(r.payload.v![0]!.dt, entry.dt);

    const test = schemaExample('test-simple-naat');
    const t = test.t![0]!;
    const sc = Date.parse(t.sc) / 1000;
    for (const scValue of [new Tagged(0, t.sc), new Tagged(1, sc)]) {
      const tagged = new Map<string, unknown>([
        ['ver', test.ver],
        ['nam', test.nam],
        ['dob', new Tagged(100, Math.floor(Date.parse(`${test.dob}T00:00:00Z`) / 864e5))],
        ['t', [{ ...t, sc: scValue }]],
      ]);
      const rt = await verifyHcert(await hc1Of(es, tagged), { keys: () => es.publicKey, now });
      assert.ok(rt.valid, JSON.stringify(rt));
      assert.equal(Date.parse(rt.payload.t![0]!.sc), Date.parse(t.sc));
      assert.equal(rt.payload.dob, test.dob);
    }
  });

  test('an unknown tag is refused as undecodable CBOR', async () => {
    const odd = { ...vacc, dob: new Tagged(37, vacc.dob) };
    assert.equal(await reasonOf(await hc1Of(es, odd), es), 'BAD_CBOR');
  });

  test('PS256 (RSA-PSS) certificates verify; the signature is checked', async () => {
    const hc1 = await hc1Of(ps, vacc, { alg: 'PS256' });
    assert.equal(await reasonOf(hc1, ps), 'VALID');
    // Same kid, an ES256 key: the algorithm and the key disagree, so it is not verified.
    const imposter = { ...es, record: { ...es.record, kid: ps.record.kid } };
    assert.equal(await reasonOf(hc1, imposter), 'BAD_SIGNATURE');
  });

  test('an algorithm it cannot verify (EdDSA, ES384) is rejected with its own reason', async () => {
    assert.equal(await reasonOf(await hc1Of(es, vacc, { coseAlg: -8 }), es), 'UNSUPPORTED_ALG');
    assert.equal(await reasonOf(await hc1Of(es, vacc, { coseAlg: -35 }), es), 'UNSUPPORTED_ALG');
  });
});

describe('schema versions and JSON-schema formats', async () => {
  const es = await generateSigningKeyPair('ES256');
  const vacc = schemaExample('vaccination-simple');
  const two = (ver: string): DccPayload => ({
    ...vacc,
    ver,
    v: [
      { ...vacc.v![0]!, dn: 1, sd: 2, dt: '2021-03-01', ci: 'URN:UVCI:01:VN:AAAAAAAAAAAAAAAAAA#1' },
      { ...vacc.v![0]!, dn: 2, sd: 2, dt: '2021-05-01', ci: 'URN:UVCI:01:VN:BBBBBBBBBBBBBBBBBB#2' },
    ],
  });

  test('schemas 1.0.x and 1.2.x: several vaccination entries are read, the latest dose speaks', async () => {
    for (const ver of ['1.0.0', '1.0.1', '1.2.1']) {
      const seen: string[] = [];
      const r = await verifyHcert(await hc1Of(es, two(ver)), {
        keys: () => es.publicKey,
        now,
        isRevoked: (ci) => (seen.push(ci), false),
      });
      assert.ok(r.valid, `${ver}: ${JSON.stringify(r)}`);
      assert.deepEqual(seen, ['URN:UVCI:01:VN:BBBBBBBBBBBBBBBBBB#2'], ver);
    }
  });

  test('schema 1.3.x holds one entry: two are refused; mixed types are refused in any version', async () => {
    assert.equal(await reasonOf(await hc1Of(es, two('1.3.0')), es), 'SCHEMA_INVALID');
    const test = schemaExample('test-simple-naat').t!;
    assert.equal(await reasonOf(await hc1Of(es, { ...vacc, ver: '1.2.1', t: test }), es), 'SCHEMA_INVALID');
  });

  test('a `format` slip (dob "1964-00-00"-style, dt with a time) is not a reason to reject', async () => {
    const slipped = { ...vacc, v: [{ ...vacc.v![0]!, dt: '2021-06-11T10:00:00' }] };
    assert.equal(await reasonOf(await hc1Of(es, slipped), es), 'VALID');
    const sc = schemaExample('test-simple-naat');
    const badDate = { ...sc, t: [{ ...sc.t![0]!, sc: 'not a date-time' }] };
    assert.equal(await reasonOf(await hc1Of(es, badDate), es), 'VALID');
  });

  test('the structure is still checked: a missing required member is SCHEMA_INVALID', async () => {
    const { dob: _dob, ...noDob } = vacc;
    assert.equal(await reasonOf(await hc1Of(es, noDob), es), 'SCHEMA_INVALID');
  });
});

test('uncompressed and prefix-less messages still fail (the tag support widens nothing else)', async () => {
  const es = await generateSigningKeyPair('ES256');
  const hc1 = await hc1Of(es, schemaExample('vaccination-simple'));
  assert.equal(await reasonOf(hc1.slice(HC1_PREFIX.length), es), 'BAD_PREFIX');
  const raw = encode(new Tagged(18, [encode(new Map([[1, -7]])), new Map(), encode(1), new Uint8Array(64)]));
  assert.equal(await reasonOf(HC1_PREFIX + base45Encode(raw), es), 'BAD_COMPRESSION');
  assert.equal(await reasonOf(HC1_PREFIX + base45Encode(zlibSync(raw)), es), 'MALFORMED');
});
