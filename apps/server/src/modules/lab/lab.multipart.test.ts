import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/errors';
import { firstFilePart } from './lab.multipart';

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

const form = (boundary: string, parts: { headers: string; body: Buffer }[]) =>
  Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`),
      p.body,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);

describe('multipart upload body', () => {
  it('returns the file part byte for byte, skipping other fields', () => {
    const file = Buffer.from([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('Mã ống,Kết quả\r\nA1,POS\r\n'),
      0x0d,
      0x0a,
      0x2d,
      0x2d,
    ]);
    const body = form('XyZ', [
      { headers: 'Content-Disposition: form-data; name="note"', body: Buffer.from('lô 7') },
      {
        headers: 'Content-Disposition: form-data; name="file"; filename="kq.csv"\r\nContent-Type: text/csv',
        body: file,
      },
    ]);
    assert.deepEqual(firstFilePart(body, 'multipart/form-data; boundary=XyZ'), file);
    assert.deepEqual(firstFilePart(body, 'multipart/form-data; boundary="XyZ"'), file);
  });

  it('refuses a form without a file or without a boundary', () => {
    const body = form('b', [{ headers: 'Content-Disposition: form-data; name="x"', body: Buffer.from('1') }]);
    assert.throws(() => firstFilePart(body, 'multipart/form-data; boundary=b'), code('UPLOAD_EMPTY'));
    assert.throws(() => firstFilePart(body, 'multipart/form-data'), code('MALFORMED_REQUEST'));
  });
});
