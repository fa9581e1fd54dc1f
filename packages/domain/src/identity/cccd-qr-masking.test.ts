import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCccdQr } from './cccd-qr';
import { maskId, maskName, maskPhone } from './masking';

describe('parseCccdQr', () => {
  it('parses a card with the old CMND number', () => {
    const r = parseCccdQr(
      '001090001234|012345678|Nguyễn Văn An|15031990|Nam|Số 1 Phúc Xá, Ba Đình, Hà Nội|01072021',
    );
    assert.deepEqual(r, {
      ok: true,
      value: {
        cccd: '001090001234',
        cmnd: '012345678',
        fullName: 'Nguyễn Văn An',
        birthDate: '1990-03-15',
        sex: 'male',
        address: 'Số 1 Phúc Xá, Ba Đình, Hà Nội',
        issueDate: '2021-07-01',
      },
    });
  });
  it('parses a card without CMND, tolerating whitespace and trailing fields', () => {
    const r = parseCccdQr('  079305001234||Trần Thị Bình |29022004| Nữ |Quận 1, TP HCM|10102022|extra|\n');
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.value.cmnd, null);
    assert.equal(r.value.sex, 'female');
    assert.equal(r.value.fullName, 'Trần Thị Bình');
    assert.equal(r.value.birthDate, '2004-02-29');
  });
  it('explains what is wrong', () => {
    const code = (s: string) => {
      const r = parseCccdQr(s);
      return r.ok ? 'ok' : r.error.code;
    };
    assert.equal(code('hello'), 'CCCD_QR_FORMAT');
    assert.equal(code('00109000123|x|A|15031990|Nam|addr|01072021'), 'CCCD_FORMAT');
    assert.equal(code('001090001234|12|A|15031990|Nam|addr|01072021'), 'CMND_FORMAT');
    assert.equal(code('001090001234||A|31021990|Nam|addr|01072021'), 'CCCD_QR_DATE');
    assert.equal(code('001090001234||A|15031990|X|addr|01072021'), 'CCCD_QR_SEX');
    assert.equal(code('001090001234|| |15031990|Nam|addr|01072021'), 'CCCD_QR_NAME');
  });
});

describe('masking', () => {
  it('masks names word by word', () => {
    assert.equal(maskName('Nguyễn Văn An'), 'N*** V** A*');
    assert.equal(maskName('  Đặng   Thị Ý '), 'Đ*** T** Ý');
  });
  it('masks id numbers and phones', () => {
    assert.equal(maskId('001090001234'), '*********234');
    assert.equal(maskId('DN4797912345678'), '************678');
    assert.equal(maskId('12'), '**');
    assert.equal(maskPhone('+84912345678'), '+84*****5678');
  });
});
