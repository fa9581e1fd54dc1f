import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUvci, luhnModNCheckChar, randomUvciOpaque, validateUvci } from './uvci';
import { FIELD_LABELS, valueSetDisplay } from './valuesets';

test('computes the check character of the FAQ example', () => {
  assert.equal(luhnModNCheckChar('URN:UVCI:01:NL:187/37512422923'), 'Z');
  assert.equal(buildUvci('187/37512422923', 'NL'), 'URN:UVCI:01:NL:187/37512422923#Z');
});

test('builds Vietnamese UVCIs that validate, and detects a mistyped character', () => {
  const uvci = buildUvci(`HCM/${randomUvciOpaque()}`);
  assert.match(uvci, /^URN:UVCI:01:VN:HCM\/[A-Z0-9]{20}#[A-Z0-9/:]$/);
  assert.deepEqual(validateUvci(uvci), { ok: true, country: 'VN', hasChecksum: true });
  const i = uvci.indexOf('/') + 1;
  const typo = uvci.slice(0, i) + (uvci[i] === 'A' ? 'B' : 'A') + uvci.slice(i + 1);
  assert.deepEqual(validateUvci(typo), { ok: false, error: 'checksum' });
});

test('checks UVCI format and optional checksum', () => {
  assert.deepEqual(validateUvci('URN:UVCI:01:VN:ABC123'), { ok: true, country: 'VN', hasChecksum: false });
  assert.deepEqual(validateUvci('URN:UVCI:01:VN:ABC123', { requireChecksum: true }), {
    ok: false,
    error: 'checksum missing',
  });
  assert.deepEqual(validateUvci('urn:uvci:01:vn:abc'), { ok: false, error: 'format' });
  assert.throws(() => buildUvci('abc'), RangeError);
});

test('looks up value-set display names', () => {
  assert.equal(valueSetDisplay('tg', '840539006'), 'COVID-19');
  assert.equal(valueSetDisplay('mp', 'EU/1/20/1528'), 'Comirnaty');
  assert.equal(valueSetDisplay('ma', 'ORG-100030215'), 'Biontech Manufacturing GmbH');
  assert.equal(valueSetDisplay('tt', 'LP6464-4'), 'Nucleic acid amplification with probe detection');
  assert.equal(valueSetDisplay('tr', '260415000'), 'Not detected');
  assert.ok(valueSetDisplay('ma', '1232', 't')?.includes('Abbott'));
  assert.equal(valueSetDisplay('vp', 'toString'), undefined);
  assert.equal(FIELD_LABELS.dob?.vi, 'Ngày sinh');
});
