import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyScannedCode, venueCheckinUrl } from './classify';
import { generateQrSigningKey } from './keys';
import { newQrId } from './payload';
import { signQrToken } from './token';

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const SCANNER_SUFFIXES = ['', '\r', '\n', '\r\n', '\t', '  '];

describe('classifyScannedCode', async () => {
  const key = await generateQrSigningKey();

  it('recognises our tokens of each type, with any scanner suffix', async () => {
    for (const type of ['V', 'P', 'C'] as const) {
      const token = await signQrToken({ type, id: newQrId(), issuedAt: new Date() }, key);
      for (const suffix of SCANNER_SUFFIXES) {
        assert.deepEqual(classifyScannedCode(` ${token}${suffix}`), {
          kind: 'phongdich',
          tokenType: type,
          raw: token,
        });
      }
    }
  });

  it('reads the venue token out of a poster check-in link, as a phone camera opens it', async () => {
    const token = await signQrToken({ type: 'V', id: newQrId(), issuedAt: new Date() }, key);
    const link = venueCheckinUrl('https://phongdich.example.vn/', token);
    assert.equal(link, `https://phongdich.example.vn/checkin#${token}`);
    for (const suffix of SCANNER_SUFFIXES) {
      assert.deepEqual(classifyScannedCode(`${link}${suffix}`), {
        kind: 'phongdich',
        tokenType: 'V',
        raw: token,
      });
    }
    const escaped = `https://phongdich.example.vn/checkin#${encodeURIComponent(token)}`;
    assert.deepEqual(classifyScannedCode(escaped), { kind: 'phongdich', tokenType: 'V', raw: token });
    assert.deepEqual(classifyScannedCode('https://phongdich.example.vn/checkin#PD1:V:broken'), {
      kind: 'unknown',
      reason: 'MALFORMED_PHONGDICH',
    });
    assert.equal(classifyScannedCode('https://phongdich.example.vn/checkin').kind, 'unknown');
  });

  it('reports a broken token as unknown rather than guessing', () => {
    assert.deepEqual(classifyScannedCode('PD1:P:AAAA.BBBB'), {
      kind: 'unknown',
      reason: 'MALFORMED_PHONGDICH',
    });
    assert.deepEqual(classifyScannedCode('PD1:X:abc.def'), {
      kind: 'unknown',
      reason: 'MALFORMED_PHONGDICH',
    });
  });

  it('reads a chip CCCD QR', () => {
    const text =
      '001099012345|123456789|Nguyễn Văn An|05011990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021\r\n';
    assert.deepEqual(classifyScannedCode(text), {
      kind: 'cccd_chip',
      cccd: '001099012345',
      cmnd: '123456789',
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-01-05',
      sex: 'male',
      address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
      issueDate: '2021-08-15',
    });
    const female = classifyScannedCode(
      '079301000123||Trần Thị Bình|29021992|Nữ|Quận 1, TP. Hồ Chí Minh|01072021',
    );
    assert.equal(female.kind, 'cccd_chip');
    assert.ok(female.kind === 'cccd_chip' && female.sex === 'female' && female.cmnd === null);
  });

  it('rejects a CCCD QR with an impossible date', () => {
    const r = classifyScannedCode('001099012345||Nguyễn Văn An|31021990|Nam|Hà Nội|15082021');
    assert.deepEqual(r, { kind: 'unknown', reason: 'INVALID_CCCD_QR', detail: 'CCCD_QR_DATE' });
  });

  it('reads a BHYT number typed or scanned bare', () => {
    assert.deepEqual(classifyScannedCode('DN4790123456789\n'), { kind: 'bhyt', number: 'DN4790123456789' });
    assert.deepEqual(classifyScannedCode(' hs 4 01 0123456789 '), {
      kind: 'bhyt',
      number: 'HS4010123456789',
    });
  });

  it('reads the BHYT card QR and decodes the hex-encoded name', () => {
    const text = `HS4010123456789|${hex('Lê Thị Hoa')}|07/09/2008|2|Phường Bến Nghé, Quận 1|79 - 123|01/01/2026|\r\n`;
    assert.deepEqual(classifyScannedCode(text), {
      kind: 'bhyt',
      number: 'HS4010123456789',
      fullName: 'Lê Thị Hoa',
      birthDate: '2008-09-07',
    });
    assert.deepEqual(classifyScannedCode('TE1790123456789|zz|1990|1'), {
      kind: 'bhyt',
      number: 'TE1790123456789',
      birthDate: '1990',
    });
  });

  it('recognises EU DCC certificates', () => {
    const raw = 'HC1:6BFOXN%TS3DHPVO13J /G-/2YRVA.Q/R8WRU2FCAH9BDF%188WA.*RJ1W';
    assert.deepEqual(classifyScannedCode(`${raw}\r\n`), { kind: 'dcc', raw });
  });

  it('recognises 2021 app URLs by host only', () => {
    const raw = 'https://tokhaiyte.vn/?page=Qrcode&id=123';
    assert.deepEqual(classifyScannedCode(raw), { kind: 'legacy_venue', app: 'vhd', raw });
    assert.equal(classifyScannedCode('https://qr.pccovid.gov.vn/x').kind, 'legacy_venue');
    assert.equal(classifyScannedCode('https://tokhaiyte.vn.example.com/').kind, 'unknown');
    assert.equal(classifyScannedCode('https://faketokhaiyte.vn/').kind, 'unknown');
  });

  it('rejects empty, oversized, binary and unrecognised input', () => {
    assert.deepEqual(classifyScannedCode(''), { kind: 'unknown', reason: 'EMPTY' });
    assert.deepEqual(classifyScannedCode(' \r\n\t'), { kind: 'unknown', reason: 'EMPTY' });
    assert.deepEqual(classifyScannedCode('A'.repeat(4097)), { kind: 'unknown', reason: 'TOO_LONG' });
    assert.deepEqual(classifyScannedCode(`${'A'.repeat(4096)}\r\n`), {
      kind: 'unknown',
      reason: 'UNRECOGNISED',
    });
    assert.deepEqual(classifyScannedCode('\u0000\u0001PD1'), { kind: 'unknown', reason: 'BINARY' });
    assert.deepEqual(classifyScannedCode('abc\uFFFDdef'), { kind: 'unknown', reason: 'BINARY' });
    assert.deepEqual(classifyScannedCode('hello world'), { kind: 'unknown', reason: 'UNRECOGNISED' });
    assert.deepEqual(classifyScannedCode('DN479012345678'), { kind: 'unknown', reason: 'UNRECOGNISED' });
  });
});
