import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateQrSigningKey, importQrSigningKey, type GeneratedQrSigningKey } from './keys';
import { newQrId } from './payload';
import { signQrToken, verifyQrToken, type QrVerifyOptions } from './token';
import type { QrTokenType } from './envelope';

const ISSUED = new Date('2026-03-01T08:00:00Z');
const LATER = new Date('2026-03-02T08:00:00Z');

const keyring =
  (...keys: GeneratedQrSigningKey[]): QrVerifyOptions['keys'] =>
  (kid) =>
    keys.find((k) => k.kid === kid)?.publicKeyJwk;

/** Replaces the character at `index` with another base64url character. */
function flip(token: string, index: number): string {
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe('QR tokens: sign and verify', async () => {
  const key = await generateQrSigningKey();
  const options: QrVerifyOptions = { keys: keyring(key), now: LATER };

  for (const type of ['V', 'P', 'C'] as QrTokenType[]) {
    it(`round-trips a ${type} token`, async () => {
      const id = newQrId();
      const token = await signQrToken({ type, id, issuedAt: ISSUED }, key);
      assert.match(token, new RegExp(`^PD1:${type}:[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}$`));
      assert.deepEqual(await verifyQrToken(token, options), {
        ok: true,
        type,
        id,
        kid: key.kid,
        issuedAt: ISSUED,
        expiresAt: null,
      });
    });
  }

  it('keeps UUID ids and expiry, and accepts a CryptoKey as well as a JWK', async () => {
    const id = crypto.randomUUID();
    const expiresAt = new Date('2027-03-01T00:00:00Z');
    const token = await signQrToken({ type: 'V', id, issuedAt: ISSUED, expiresAt }, key);
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      key.publicKeyJwk,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const result = await verifyQrToken(token, { keys: () => publicKey, now: LATER });
    assert.deepEqual(result, { ok: true, type: 'V', id, kid: key.kid, issuedAt: ISSUED, expiresAt });
  });

  it('stays short enough to print: typical 131, worst case under 150 characters', async () => {
    const typical = await signQrToken({ type: 'P', id: newQrId(), issuedAt: ISSUED }, key);
    assert.equal(typical.length, 131);
    const longest = await signQrToken(
      { type: 'C', id: crypto.randomUUID(), issuedAt: ISSUED, expiresAt: LATER },
      { kid: 'abcdefghijkl', privateKey: key.privateKey },
    );
    assert.ok(longest.length < 150, `length ${longest.length}`);
  });

  it('refuses ids that look like personal numbers or are not compact ids', async () => {
    for (const id of ['001099012345', '0987654321', 'abc', 'not a valid id!']) {
      await assert.rejects(signQrToken({ type: 'P', id, issuedAt: ISSUED }, key), RangeError, id);
    }
  });

  it('reloads an exported private key with the same kid (rotation across restarts)', async () => {
    const exportable = await generateQrSigningKey({ extractable: true });
    const reloaded = await importQrSigningKey(await crypto.subtle.exportKey('jwk', exportable.privateKey));
    assert.equal(reloaded.kid, exportable.kid);
    const token = await signQrToken({ type: 'P', id: newQrId(), issuedAt: ISSUED }, reloaded);
    assert.equal((await verifyQrToken(token, { keys: keyring(exportable), now: LATER })).ok, true);
  });

  it('verifies codes of old and new keys while both are published', async () => {
    const next = await generateQrSigningKey();
    const both = { keys: keyring(key, next), now: LATER };
    for (const k of [key, next]) {
      const token = await signQrToken({ type: 'V', id: newQrId(), issuedAt: ISSUED }, k);
      assert.equal((await verifyQrToken(token, both)).ok, true);
    }
  });

  it('tolerates scanner suffixes', async () => {
    const token = await signQrToken({ type: 'P', id: newQrId(), issuedAt: ISSUED }, key);
    assert.equal((await verifyQrToken(` ${token}\r\n`, options)).ok, true);
  });
});

describe('QR tokens: every failure reason', async () => {
  const key = await generateQrSigningKey();
  const id = newQrId();
  const token = await signQrToken({ type: 'P', id, issuedAt: ISSUED }, key);
  const options: QrVerifyOptions = { keys: keyring(key), now: LATER };
  const reason = async (text: string, opts: Partial<QrVerifyOptions> = {}) => {
    const r = await verifyQrToken(text, { ...options, ...opts });
    return r.ok ? 'OK' : r.reason;
  };
  const dot = token.indexOf('.');

  it('MALFORMED for junk, truncation and a wrong-length signature', async () => {
    assert.equal(await reason(''), 'MALFORMED');
    assert.equal(await reason('hello'), 'MALFORMED');
    assert.equal(await reason(token.replace('PD1:', 'PD2:')), 'MALFORMED');
    assert.equal(await reason(token.slice(0, -2)), 'MALFORMED');
    assert.equal(await reason(token.slice(0, dot)), 'MALFORMED');
    assert.equal(await reason(`${token}AAAA`), 'MALFORMED');
  });

  it('BAD_SIGNATURE when one payload character changes (here: inside the id)', async () => {
    const altered = flip(token, 'PD1:P:'.length + 20);
    assert.notEqual(altered, token);
    assert.equal(await reason(altered), 'BAD_SIGNATURE');
  });

  it('BAD_SIGNATURE when one signature character changes', async () => {
    assert.equal(await reason(flip(token, dot + 40)), 'BAD_SIGNATURE');
  });

  it('BAD_SIGNATURE when the type letter is swapped (the type is signed)', async () => {
    assert.equal(await reason(token.replace('PD1:P:', 'PD1:C:')), 'BAD_SIGNATURE');
  });

  it('never accepts a token with any single character altered', async () => {
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ':' || token[i] === '.') continue;
      const r = await reason(flip(token, i));
      assert.notEqual(r, 'OK', `position ${i}`);
    }
  });

  it('UNKNOWN_KEY for an unpublished kid; BAD_SIGNATURE when a forger reuses a published kid', async () => {
    const other = await generateQrSigningKey();
    assert.equal(await reason(token, { keys: keyring(other) }), 'UNKNOWN_KEY');
    const forged = await signQrToken(
      { type: 'P', id, issuedAt: ISSUED },
      { kid: key.kid, privateKey: other.privateKey },
    );
    assert.equal(await reason(forged), 'BAD_SIGNATURE');
  });

  it('UNKNOWN_KEY when the published value is not a P-256 public key', async () => {
    assert.equal(
      await reason(token, { keys: () => ({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }) }),
      'UNKNOWN_KEY',
    );
    assert.equal(await reason(token, { keys: () => key.privateKey }), 'UNKNOWN_KEY');
  });

  it('EXPIRED after expiresAt plus the clock skew, valid inside it', async () => {
    const expiresAt = new Date(ISSUED.getTime() + 3_600_000);
    const expiring = await signQrToken({ type: 'P', id, issuedAt: ISSUED, expiresAt }, key);
    const at = (seconds: number) => ({ now: new Date(expiresAt.getTime() + seconds * 1000) });
    assert.equal(await reason(expiring, at(299)), 'OK');
    assert.equal(await reason(expiring, at(300)), 'EXPIRED');
    assert.equal(await reason(expiring, { ...at(1), maxClockSkewSeconds: 0 }), 'EXPIRED');
  });

  it('NOT_YET_VALID when issued beyond the clock skew in the future', async () => {
    const at = (seconds: number) => ({ now: new Date(ISSUED.getTime() - seconds * 1000) });
    assert.equal(await reason(token, at(300)), 'OK');
    assert.equal(await reason(token, at(301)), 'NOT_YET_VALID');
    assert.equal(await reason(token, { ...at(120), maxClockSkewSeconds: 60 }), 'NOT_YET_VALID');
  });

  it('REVOKED when the list has (type, id); the list is only asked for authentic codes', async () => {
    const asked: string[] = [];
    const isRevoked = async (type: string, revokedId: string) => {
      asked.push(`${type}/${revokedId}`);
      return type === 'P' && revokedId === id;
    };
    assert.equal(await reason(token, { isRevoked }), 'REVOKED');
    assert.deepEqual(asked, [`P/${id}`]);
    assert.equal(await reason(flip(token, dot + 40), { isRevoked }), 'BAD_SIGNATURE');
    assert.equal(asked.length, 1);
    assert.equal(await reason(token, { isRevoked: () => false }), 'OK');
  });
});
