import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createLab, createPerson, createTube } from './lab.fixtures';

type Headers = { cookie: string };
const MAPPING = {
  barcodeColumn: 'Mã ống',
  resultColumn: 'Kết quả',
  resultValues: {
    positive: ['Dương tính', 'POS'],
    negative: ['Âm tính', 'NEG'],
    invalid: ['Không xác định'],
  },
  ctColumns: { N: 'Ct N', E: 'Ct E' },
};

for (const target of dbTargets()) {
  describe(`lab bulk upload (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let labId: string;
    let tech: Headers;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      ({ labId } = await createLab(db));
      tech = (await signInAs(app, db, { role: 'lab_technician', unitCode: '001', facilityId: labId }))
        .headers;
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/lab/mappings',
        headers: tech,
        payload: MAPPING,
      });
      assert.equal(saved.statusCode, 200, saved.body);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const tubes = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++)
        out.push(await createTube(db, { labId, members: [await createPerson(db)] }));
      return out;
    };
    const upload = (body: Buffer | string, type = 'text/csv') =>
      app.inject({
        method: 'POST',
        url: '/api/lab/uploads',
        headers: { ...tech, 'content-type': type },
        payload: body,
      });
    async function finished(id: string) {
      for (let i = 0; i < 200; i++) {
        const res = await app.inject({ method: 'GET', url: `/api/lab/uploads/${id}`, headers: tech });
        if (res.json().status !== 'processing') return res.json();
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('upload never finished');
    }
    const results = async (barcodes: string[]) =>
      db.query<{ barcode: string; result: string; ct_values: unknown; entered_at: Date }>(
        'select barcode, result, ct_values, entered_at from lab_results where barcode = any($1::text[]) order by barcode',
        [barcodes],
      );

    it('a bad row never blocks the others; BOM, CRLF and empty rows are fine; the same file again changes nothing', async () => {
      const [a, b, c] = await tubes(3);
      const csv =
        '\uFEFFMã ống,Kết quả,Ct N,Ct E\r\n' +
        `${a},Âm tính,,\r\n` +
        '\r\n' +
        `UNKNOWN-1,POS,20,21\r\n` +
        ',,,\r\n' +
        `${b},POS,"23,5",24\r\n` +
        `${c},Chưa rõ,,\r\n`;
      const res = await upload(csv);
      assert.equal(res.statusCode, 202, res.body);
      const report = await finished(res.json().id);
      assert.equal(report.status, 'done');
      assert.equal(report.rowsTotal, 4);
      assert.equal(report.rowsDone, 4);
      assert.equal(report.rowsFailed, 2);
      assert.deepEqual(
        report.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
        [
          [4, 'TUBE_UNKNOWN'],
          [7, 'RESULT_VALUE_UNKNOWN'],
        ],
      );
      const landed = await results([a!, b!, c!]);
      assert.deepEqual(
        landed.map((r) => [r.barcode, r.result, r.ct_values]).sort(),
        [
          [a, 'negative', null],
          [b, 'positive', { E: 24, N: 23.5 }],
        ].sort(),
      );

      const again = await upload(csv);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().duplicate, true);
      assert.equal(again.json().id, res.json().id);
      assert.deepEqual(await results([a!, b!, c!]), landed, 'nothing changed');
    });

    it('accepts UTF-8 without BOM and re-uploads of identical rows as no-ops', async () => {
      const [a] = await tubes(1);
      const first = await upload(`Mã ống,Kết quả\n${a},NEG\n`);
      await finished(first.json().id);
      const before = await results([a!]);
      const second = await upload(`Mã ống,Kết quả\n${a},Âm tính\n\n`);
      assert.equal(second.statusCode, 202, 'a different file');
      const report = await finished(second.json().id);
      assert.equal(report.rowsFailed, 0);
      assert.deepEqual(await results([a!]), before, 'identical result = no-op');
    });

    it('reports the file line of a bad row even after a quoted field spanning two lines', async () => {
      const [a] = await tubes(1);
      const csv = `Mã ống;Kết quả;Ghi chú\n${a};POS;"mẫu lấy lại\nlần 2"\nKHONG-CO;NEG;\n`;
      const res = await upload(csv);
      assert.equal(res.statusCode, 202, res.body);
      const report = await finished(res.json().id);
      assert.deepEqual(
        report.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
        [[4, 'TUBE_UNKNOWN']],
      );
      assert.equal((await results([a!]))[0]!.result, 'positive');
    });

    it('takes the file from a browser form (multipart) as well', async () => {
      const [a] = await tubes(1);
      const body = Buffer.from(
        `--FORM\r\nContent-Disposition: form-data; name="file"; filename="kq.csv"\r\nContent-Type: text/csv\r\n\r\n` +
          `Mã ống,Kết quả\r\n${a},NEG\r\n\r\n--FORM--\r\n`,
      );
      const res = await upload(body, 'multipart/form-data; boundary=FORM');
      assert.equal(res.statusCode, 202, res.body);
      assert.equal((await finished(res.json().id)).rowsFailed, 0);
      assert.equal((await results([a!]))[0]!.result, 'negative');
    });

    it('names the missing columns, refuses invalid UTF-8 and empty files', async () => {
      const wrong = await upload('Barcode,Result\nX,NEG\n');
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().error.code, 'UPLOAD_COLUMNS_MISSING');
      const fields = wrong
        .json()
        .error.details.map((d: { field: string; message: { vi: string } }) => d.message.vi);
      assert.ok(
        fields.some((m: string) => m.includes('Mã ống')) && fields.some((m: string) => m.includes('Kết quả')),
      );
      // "Mã ống" in Windows-1258 bytes: not valid UTF-8
      const latin = Buffer.concat([
        Buffer.from('M'),
        Buffer.from([0xe3, 0x20, 0xf4]),
        Buffer.from('ng,Kết quả\nX,NEG\n'),
      ]);
      const enc = await upload(latin);
      assert.equal(enc.statusCode, 422);
      assert.equal(enc.json().error.code, 'UPLOAD_ENCODING');
      const empty = await upload('Mã ống,Kết quả\r\n\r\n');
      assert.equal(empty.json().error.code, 'UPLOAD_EMPTY');
      const count = await db.query<{ n: number }>('select count(*)::int as n from result_uploads');
      assert.equal(count[0]!.n, 5, 'refused files leave no upload behind (5 from the tests above)');
    });

    it('reads Excel files with the same mapping', async () => {
      const [a, b] = await tubes(2);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('KQ');
      ws.addRow(['Mã ống', 'Kết quả', 'Ct N', 'Ct E']);
      ws.addRow([a, 'Dương tính', 18.2, 19]);
      ws.addRow([]);
      ws.addRow([b, 'Âm tính', null, null]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await upload(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.equal(res.statusCode, 202, res.body);
      const report = await finished(res.json().id);
      assert.equal(report.format, 'xlsx');
      assert.equal(report.rowsFailed, 0, JSON.stringify(report.errors));
      const landed = await results([a!, b!]);
      assert.deepEqual(landed.map((r) => r.result).sort(), ['negative', 'positive']);
    });
  });
}
