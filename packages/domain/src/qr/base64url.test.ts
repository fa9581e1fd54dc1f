import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64url, toBase64url } from './base64url';

describe('base64url', () => {
  it('round-trips every length and matches the platform encoder', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      const text = toBase64url(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64url'));
      assert.deepEqual(fromBase64url(text), bytes);
    }
  });
  it('rejects foreign characters, impossible lengths and non-zero padding bits', () => {
    assert.equal(fromBase64url('ab+/'), null);
    assert.equal(fromBase64url('abcde'), null);
    assert.equal(fromBase64url('AB'), null); // 'B' leaves padding bits set; canonical is 'AA'
    assert.deepEqual(fromBase64url('AA'), new Uint8Array([0]));
  });
});
