import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createLabels, createPerson, createSession, link, type Headers } from './sampling.fixtures';

const upload = (
  app: FastifyInstance,
  headers: Headers,
  id: string,
  body: Buffer | string,
  type = 'text/csv',
) =>
  app.inject({
    method: 'POST',
    url: `/api/testing/sessions/${id}/targets/import`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });

for (const target of dbTargets()) {
  describe(`sampling: sessions, target lists, self-registration (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: Headers;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('creates a session with sites and a default pool size per test type; others may not', async () => {
      const pcr = await createSession(app, officer);
      assert.equal(pcr.poolSize, 5);
      const detail = await app.inject({
        method: 'GET',
        url: `/api/testing/sessions/${pcr.id}`,
        headers: officer,
      });
      assert.equal(detail.json().sites[0].name, 'Nhà văn hóa tổ 5');
      assert.equal(detail.json().districtCode, '001');
      const hcm = (await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' })).headers;
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/testing/sessions/${pcr.id}`,
        headers: hcm,
      });
      assert.equal(foreign.statusCode, 403);
      const outside = await app.inject({
        method: 'POST',
        url: '/api/testing/sessions',
        headers: hcm,
        payload: { name: 'x', kind: 'mass', testType: 'rt_pcr', communeCode: '00001', date: '2021-08-20' },
      });
      assert.equal(outside.statusCode, 403);
      const list = await app.inject({ method: 'GET', url: '/api/testing/sessions', headers: hcm });
      assert.equal(list.json().items.length, 0);
      const mine = await app.inject({ method: 'GET', url: '/api/testing/sessions', headers: officer });
      assert.ok(mine.json().items.some((s: { id: string }) => s.id === pcr.id));
      const badPool = await app.inject({
        method: 'POST',
        url: '/api/testing/sessions',
        headers: officer,
        payload: {
          name: 'x',
          kind: 'mass',
          testType: 'rt_pcr',
          communeCode: '00001',
          date: '2021-08-20',
          poolSize: 11,
        },
      });
      assert.equal(badPool.statusCode, 400);
    });

    it('imports a CSV with or without BOM: matches by CCCD, creates new people, reports bad rows, skips empty ones', async () => {
      const s = await createSession(app, officer);
      const known = await createPerson(db, { cccd: '001185012345', fullName: 'Lê Văn Có' });
      const csv = [
        'Họ tên,Ngày sinh,Giới tính,CCCD,SĐT,Địa chỉ',
        'Lê Văn Có,1985,Nam,001185012345,,',
        'Phạm Thị Mới,12/05/1990,Nữ,,0912000111,"Số 3, ngõ 5"',
        ',,,,,',
        'Hoàng Sai,32/13/1990,Nam,,,',
        'Không Giới,1990,?,,,',
        '',
      ].join('\r\n');
      const res = await upload(
        app,
        officer,
        s.id,
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
      );
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.rows, 4);
      assert.equal(r.matched, 1);
      assert.equal(r.created, 1);
      assert.equal(r.added, 2);
      assert.deepEqual(
        r.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
        [
          [5, 'BIRTH_DATE_FORMAT'],
          [6, 'SEX_FORMAT'],
        ],
      );
      const targets = await db.query<{ person_id: string }>(
        'select person_id from testing_targets where session_id = $1',
        [s.id],
      );
      assert.ok(targets.some((t) => t.person_id === known));
      const created = await db.query<{ street: string; phones: string[] }>(
        `select street, phones from persons where full_name = 'Phạm Thị Mới'`,
      );
      assert.equal(created[0]!.street, 'Số 3, ngõ 5');
      // The same file without BOM and with semicolons: everyone is already listed, nobody is created twice.
      const again = await upload(
        app,
        officer,
        s.id,
        csv.replace(/,/g, ';').replace('Số 3; ngõ 5', 'Số 3, ngõ 5'),
      );
      assert.equal(again.json().alreadyListed, 2);
      assert.equal(again.json().created, 0);
      const progress = await app.inject({
        method: 'GET',
        url: `/api/testing/sessions/${s.id}`,
        headers: officer,
      });
      assert.deepEqual(progress.json().progress, { targets: 2, targetsSampled: 0, sampled: 0, tubes: 0 });
      const sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      await link(app, sampler, { sessionId: s.id, barcode: tube!, personId: known });
      const after = await app.inject({
        method: 'GET',
        url: `/api/testing/sessions/${s.id}`,
        headers: officer,
      });
      assert.deepEqual(after.json().progress, { targets: 2, targetsSampled: 1, sampled: 1, tubes: 1 });
    });

    it('refuses wrong columns, wrong encoding and empty files with clear errors, writing nothing', async () => {
      const s = await createSession(app, officer);
      const wrong = await upload(app, officer, s.id, 'Tên,Tuổi\nA,30\n');
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.code, 'IMPORT_FILE_INVALID');
      assert.deepEqual(
        wrong.json().error.details.map((d: { field: string }) => d.field),
        ['birth', 'sex'],
      );
      const latin = Buffer.from('Họ tên,Năm sinh,Giới tính\nNguyễn Văn Á,1990,Nam\n', 'latin1');
      const enc = await upload(app, officer, s.id, latin);
      assert.equal(enc.json().error.details[0].code, 'ENCODING');
      const empty = await upload(app, officer, s.id, '\r\n\r\n');
      assert.equal(empty.json().error.details[0].code, 'EMPTY_FILE');
      const count = await db.query<{ n: number }>(
        'select count(*) as n from testing_targets where session_id = $1',
        [s.id],
      );
      assert.equal(count[0]!.n, 0);
      const sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      const denied = await upload(app, sampler, s.id, 'Họ tên,Năm sinh,Giới tính\n');
      assert.equal(denied.statusCode, 403);
    });

    it('imports an Excel (.xlsx) list with real date cells', async () => {
      const s = await createSession(app, officer);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số điện thoại']);
      ws.addRow([1, 'Vũ Thị Excel', new Date(Date.UTC(1992, 6, 1)), 'Nữ', '0912000222']);
      ws.addRow([]);
      ws.addRow([2, 'Đỗ Văn Bảng', 1970, 'nam', null]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await upload(
        app,
        officer,
        s.id,
        bytes,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().rows, res.json().created, res.json().errors.length], [2, 2, 0]);
      const p = await db.query<{ birth_date: string }>(
        `select birth_date from persons where full_name = 'Vũ Thị Excel'`,
      );
      assert.equal(p[0]!.birth_date, '1992-07-01');
    });

    it('lets a signed-in citizen register themselves once', async () => {
      const s = await createSession(app, officer);
      const citizen = await signInCitizen(app, '0987654321');
      const personId = await createPerson(db);
      const before = await app.inject({
        method: 'POST',
        url: `/api/testing/sessions/${s.id}/register`,
        headers: citizen.headers,
      });
      assert.equal(before.json().error.code, 'PERSON_NOT_FOUND');
      await db.query('update accounts set person_id = $1 where id = $2', [personId, citizen.accountId]);
      const first = await app.inject({
        method: 'POST',
        url: `/api/testing/sessions/${s.id}/register`,
        headers: citizen.headers,
      });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().alreadyRegistered, false);
      const second = await app.inject({
        method: 'POST',
        url: `/api/testing/sessions/${s.id}/register`,
        headers: citizen.headers,
      });
      assert.equal(second.json().alreadyRegistered, true);
      const staffTry = await app.inject({
        method: 'POST',
        url: `/api/testing/sessions/${s.id}/register`,
        headers: officer,
      });
      assert.equal(staffTry.statusCode, 403);
    });
  });
}
