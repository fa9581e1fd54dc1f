import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveKey, isSealed, open, seal, SecretBoxError } from './secret-box';

const key = deriveKey('server-secret-one', 'phongdich:test:v1');

/** Flips one bit of the byte at `index` of the ciphertext+tag part. */
function flip(sealed: string, index: number): string {
  const [v, iv, body] = sealed.split(':');
  const bytes = Buffer.from(body!, 'base64url');
  bytes[index]! ^= 1;
  return `${v}:${iv}:${bytes.toString('base64url')}`;
}

describe('secret box (AES-256-GCM at rest)', () => {
  it('seals to v1:<iv>:<ciphertext+tag> and opens again', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP');
    assert.match(sealed, /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    assert.ok(isSealed(sealed));
    assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
    assert.equal(open(key, sealed).toString('utf8'), 'JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV every time', () => {
    assert.notEqual(seal(key, 'same'), seal(key, 'same'));
  });

  it('derives different keys per server secret and per purpose', () => {
    assert.equal(deriveKey('server-secret-one', 'phongdich:test:v1').length, 32);
    assert.notDeepEqual(deriveKey('server-secret-two', 'phongdich:test:v1'), key);
    assert.notDeepEqual(deriveKey('server-secret-one', 'phongdich:other:v1'), key);
  });

  it('a value sealed under another server secret or purpose does not open', () => {
    const sealed = seal(key, 'secret');
    assert.throws(() => open(deriveKey('server-secret-two', 'phongdich:test:v1'), sealed), SecretBoxError);
    assert.throws(() => open(deriveKey('server-secret-one', 'phongdich:other:v1'), sealed), SecretBoxError);
  });

  it('refuses tampered ciphertext, tag or IV, and other formats', () => {
    const sealed = seal(key, 'secret');
    assert.throws(() => open(key, flip(sealed, 0)), SecretBoxError); // ciphertext
    assert.throws(
      () => open(key, flip(sealed, Buffer.from(sealed.split(':')[2]!, 'base64url').length - 1)),
      SecretBoxError,
    ); // tag
    const [v, iv, body] = sealed.split(':');
    const otherIv = Buffer.from(iv!, 'base64url');
    otherIv[0]! ^= 1;
    assert.throws(() => open(key, `${v}:${otherIv.toString('base64url')}:${body}`), SecretBoxError);
    for (const bad of [
      '',
      'secret',
      'v2:a:b',
      'v1:only-two',
      'v1:a:b:c',
      `v1:${iv}:`,
      `v1:${iv}:AAAA`,
      'v1:!!:??',
    ])
      assert.throws(() => open(key, bad), SecretBoxError, bad);
  });

  it('binds associated data: a value sealed for one row does not open for another', () => {
    const sealed = seal(key, 'secret', 'row:1');
    assert.equal(open(key, sealed, 'row:1').toString('utf8'), 'secret');
    assert.throws(() => open(key, sealed, 'row:2'), SecretBoxError);
    assert.throws(() => open(key, sealed), SecretBoxError);
  });
});
