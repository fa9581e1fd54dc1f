import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { icaoTransliterate } from './icao-name';
import { validateDccSchema } from './schema';
import { schemaExample } from './test-support';

describe('ICAO 9303 standardised names (fnt/gnt)', () => {
  test('Vietnamese letters lose their marks; đ is D; spaces are fillers', () => {
    assert.equal(icaoTransliterate('Nguyễn'), 'NGUYEN');
    assert.equal(icaoTransliterate('Đặng Thị Ưng'), 'DANG<THI<UNG');
    assert.equal(icaoTransliterate('Trương  Văn   Ơn'), 'TRUONG<VAN<ON');
  });

  test('numerals are not permitted in a name and are omitted', () => {
    assert.equal(icaoTransliterate('Văn An 2'), 'VAN<AN');
    assert.equal(icaoTransliterate('Minh4Anh'), 'MINHANH');
    assert.equal(icaoTransliterate('123'), '');
  });

  test('hyphens and commas are fillers, apostrophes and other punctuation are omitted', () => {
    assert.equal(icaoTransliterate("d'Červenková Panklová"), 'DCERVENKOVA<PANKLOVA');
    assert.equal(icaoTransliterate('Jiřina-Maria Alena'), 'JIRINA<MARIA<ALENA');
    assert.equal(icaoTransliterate('O’Brien, Jr.'), 'OBRIEN<JR');
    assert.equal(icaoTransliterate(' -An- '), 'AN');
  });

  test('letters without a decomposition follow the ICAO table', () => {
    assert.equal(icaoTransliterate('Ærøskøbing Straße Müller Łódź'), 'AEROESKOEBING<STRASSE<MUELLER<LODZ');
  });

  test('at most 80 characters, never ending in a filler', () => {
    const long = icaoTransliterate(`${'A'.repeat(79)} B`);
    assert.equal(long, 'A'.repeat(79));
    assert.equal(icaoTransliterate('X'.repeat(100)).length, 80);
  });

  test('every output passes the DCC schema pattern', () => {
    const payload = schemaExample('test-simple-naat');
    for (const raw of ['Nguyễn Văn 3', '!!!', 'Lê—Thị·Hà', 'Ngọc 🙂 Ánh', '李小龍 Lý']) {
      payload.nam = { fn: raw, fnt: icaoTransliterate(raw) };
      const check = validateDccSchema(payload);
      assert.ok(check.ok, `${raw}: ${check.ok ? '' : check.errors.join('; ')}`);
    }
  });
});
