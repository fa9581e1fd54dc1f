import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SecretBoxError } from '../../core/crypto/secret-box';
import { decryptPrivateKey, encryptPrivateKey } from './key-crypto';

const SECRET = 'dev-secret-not-for-production';
/** Written by key-crypto.ts before it moved onto the shared secret box: existing rows look like this. */
const STORED_BEFORE =
  'v1.qQuHKp3DtqsyNYvd.UAqAffQ5S/WAF3w3uS8PGg==.529MYJyHpZ+HSjEkaFNsULLiB3DtBP9U2+0qt/sxUtDrQantjis=';

describe('signing key encryption', () => {
  it('still opens private keys stored in the original format', () => {
    assert.equal(
      Buffer.from(decryptPrivateKey(STORED_BEFORE, SECRET)).toString('utf8'),
      'legacy pkcs8 bytes for the format test',
    );
  });

  it('keeps writing that format, and round-trips', () => {
    const pkcs8 = new Uint8Array([1, 2, 3, 250, 251, 252]);
    const stored = encryptPrivateKey(pkcs8, SECRET);
    assert.match(stored, /^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    assert.deepEqual(new Uint8Array(decryptPrivateKey(stored, SECRET)), pkcs8);
  });

  it('refuses another server secret and tampering', () => {
    assert.throws(() => decryptPrivateKey(STORED_BEFORE, 'another-secret'), SecretBoxError);
    const [v, iv, tag, enc] = STORED_BEFORE.split('.');
    const bytes = Buffer.from(enc!, 'base64');
    bytes[0]! ^= 1;
    assert.throws(
      () => decryptPrivateKey([v, iv, tag, bytes.toString('base64')].join('.'), SECRET),
      SecretBoxError,
    );
    assert.throws(() => decryptPrivateKey('v2.a.b.c', SECRET), SecretBoxError);
  });
});
