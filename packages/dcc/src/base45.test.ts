import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Base45Error, base45Decode, base45Encode } from './base45';

const text = (s: string) => new TextEncoder().encode(s);

// RFC 9285 §4.3 and §4.4 examples.
const VECTORS: [string, string][] = [
  ['AB', 'BB8'],
  ['Hello!!', '%69 VD92EX0'],
  ['base-45', 'UJCLQE7W581'],
  ['ietf!', 'QED8WEX0'],
];

test('encodes and decodes the RFC 9285 examples', () => {
  for (const [plain, encoded] of VECTORS) {
    assert.equal(base45Encode(text(plain)), encoded);
    assert.deepEqual(base45Decode(encoded), text(plain));
  }
});

test('round-trips every byte value', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
  assert.deepEqual(base45Decode(base45Encode(all)), all);
  assert.deepEqual(base45Decode(base45Encode(all.slice(1))), all.slice(1));
});

test('rejects invalid characters, lengths and out-of-range groups', () => {
  assert.throws(() => base45Decode('QED8WEx0'), Base45Error); // lowercase is outside the alphabet
  assert.throws(() => base45Decode('QED8W'.slice(0, 4)), Base45Error); // length ≡ 1 (mod 3)
  assert.throws(() => base45Decode('GGW'), Base45Error); // 65536 > 0xFFFF
  assert.throws(() => base45Decode('::'), Base45Error); // 2024 > 0xFF
});
