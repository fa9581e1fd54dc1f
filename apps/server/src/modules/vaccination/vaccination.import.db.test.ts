import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { foldVietnamese } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { withKeysSecret } from '../../core/crypto/keys-secret';
import type { DomainEvent } from '../../core/events/handler';
import { vaccinationCertificateHandler } from './vaccination.certificates.after-dose';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import type { Actor, StaffActor } from '../../core/auth/actor';
import { runImport, vaccinationImportService } from './vaccination.import.service';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { insertAccount } from '../accounts';
import { runMove } from '../geo';
import { baDinh2025, trucBach2021 } from '../../test-support/same-code-locations';

let seq = 0;
/** A person straight into the registry in Phúc Xá (00001), with what the matcher looks at. */
async function person(
  db: Db,
  p: { name: string; birthYear: number; birthDate?: string; cccd?: string; phone?: string; commune?: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into persons (full_name, name_folded, birth_year, birth_date, sex, cccd, phones, commune_code, district_code, province_code)
     values ($1, $2, $3, $4, 'male', $5, $6, $7, '001', '01') returning id::text`,
    [
      p.name,
      foldVietnamese(p.name),
      p.birthYear,
      p.birthDate ?? null,
      p.cccd ?? null,
      p.phone ? [p.phone] : [],
      p.commune ?? '00001',
    ],
  );
  return rows[0]!.id;
}

/** A CCCD for Hà Nội (001), male born in the 1900s in `year`, unique per test run. */
const cccd = (year: number) => `0010${String(year).slice(2)}${String(100000 + ++seq * 37).slice(-6)}`;
const mobile = () => `+8491${String(1000000 + ++seq * 7919).slice(-7)}`;
const national = (e164: string) => `0${e164.slice(3)}`;

for (const target of dbTargets()) {
  describe(`vaccination import: matching, review, re-import (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const upload = (body: string | Buffer, headers = officer) =>
      app.inject({
        method: 'POST',
        url: '/api/vaccination/imports',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: body,
      });
    async function finished(id: string) {
      for (let i = 0; i < 300; i++) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/vaccination/imports/${id}`,
          headers: officer,
        });
        assert.equal(res.statusCode, 200, res.body);
        if (res.json().status !== 'processing') return res.json();
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import never finished');
    }
    const dosesOf = (personId: string) =>
      db.query<{ product_mp: string; day: string; dose_number: number; source: string }>(
        `select product_mp, administered_on::text as day, dose_number, source from vaccination_doses
         where person_id = $1 and status = 'active' order by dose_number`,
        [personId],
      );

    it('matches by ID, then phone + birth year, then name + birth date + commune; creates the unknown; flags the dirt', async () => {
      const aCccd = cccd(1961);
      const a = await person(db, { name: 'Nguyễn Văn An', birthYear: 1961, cccd: aCccd });
      const bPhone = mobile();
      const b = await person(db, { name: 'Trần Thị Bình', birthYear: 1980, phone: bPhone });
      const c = await person(db, { name: 'Lê Văn Cường', birthYear: 1975, birthDate: '1975-04-03' });
      const twinPhone = mobile();
      const d1 = await person(db, { name: 'Phạm Văn Dũng', birthYear: 1990, phone: twinPhone });
      const d2 = await person(db, { name: 'Phạm Văn Dũng', birthYear: 1990, phone: twinPhone });
      const newCccd = cccd(1992);
      const csv = [
        'TRẠM Y TẾ PHƯỜNG PHÚC XÁ;;;;;;',
        'DANH SÁCH NGƯỜI ĐÃ TIÊM VẮC XIN COVID-19;;;;;;',
        ';;;;;;',
        'STT;HỌ VÀ TÊN;Năm sinh;Số CCCD/CMND;SĐT;Mã xã;Tên vắc xin;Ngày tiêm',
        `1;nguyen van an;1961;${aCccd.slice(1)};;;Astra;05/08/2021`, // the number cell lost its 0
        `2;TRAN THI BINH;1980;;${national(bPhone).replace(/(\d{4})(\d{3})/, '$1.$2.')};;pfizer;2021-09-01`,
        '3;LÊ VĂN CƯỜNG;3/4/1975;;;;Vero cell;10/10/21',
        `4;Phạm Văn Dũng;1990;;${twinPhone};;Moderna;01/10/2021`,
        `5;trần thị mới;1992;${newCccd};;;Moderna;1/10/2021`,
        `6;Đỗ Văn Ngày;1970;;;;AZ;08/25/2021`,
        `7;Đỗ Văn Vắc;1970;;;;xyz;05/08/2021`,
        `8;Đỗ Văn Xa;1970;;;00004;AZ;05/08/2021`,
        `9;Nguyễn Văn An;1961;${aCccd};;;AZ;5/8/2021`, // the same dose twice in one file
      ].join('\r\n');
      const res = await upload(csv);
      assert.equal(res.statusCode, 202, res.body);
      const report = await finished(res.json().id);
      assert.deepEqual(
        {
          status: report.status,
          headerRow: report.headerRow,
          total: report.rowsTotal,
          done: report.rowsDone,
          doses: report.dosesCreated,
          people: report.peopleCreated,
          review: report.rowsReview,
          failed: report.rowsFailed,
          duplicate: report.rowsDuplicate,
        },
        {
          status: 'done',
          headerRow: 4,
          total: 9,
          done: 9,
          doses: 4,
          people: 1,
          review: 1,
          failed: 3,
          duplicate: 1,
        },
      );
      assert.deepEqual(await dosesOf(a), [
        { product_mp: 'EU/1/21/1529', day: '2021-08-05', dose_number: 1, source: 'import' },
      ]);
      assert.equal((await dosesOf(b))[0]?.product_mp, 'EU/1/20/1528');
      assert.deepEqual(
        (await dosesOf(c)).map((d) => d.day),
        ['2021-10-10'],
      );
      assert.equal((await dosesOf(d1)).length + (await dosesOf(d2)).length, 0, 'never merged silently');
      const made = await db.query<{ id: string; full_name: string; commune_code: string }>(
        'select id::text, full_name, commune_code from persons where cccd = $1',
        [newCccd],
      );
      assert.deepEqual(
        made.map((m) => [m.full_name, m.commune_code]),
        [['Trần Thị Mới', '00001']],
      );
      // The dose path's consequences: one event per dose, a certificate for each vaccinated person.
      const events = await db.query<{ n: number }>(
        `select count(*)::int as n from domain_events where type = 'vaccination.dose_recorded' and payload->>'source' = 'import'`,
      );
      assert.equal(events[0]!.n, 4);
      // Certificates follow after the import commits, from those events (#12 §4), never inside it.
      await app.events.pass();
      const certs = await db.query<{ n: number }>(
        'select count(*)::int as n from vaccination_certificates where person_id = any($1::uuid[])',
        [[a, b, c, made[0]!.id]],
      );
      assert.equal(certs[0]!.n, 4);
      const sameTransaction = await db.query<{ n: number }>(
        `select count(*)::int as n from vaccination_certificates c join vaccination_doses d on d.id = c.dose_id
         where c.person_id = any($1::uuid[]) and c.xmin::text = d.xmin::text`,
        [[a, b, c, made[0]!.id]],
      );
      assert.equal(sameTransaction[0]!.n, 0, 'no certificate signed in the import transaction');
      // An event handled again (another server, a retry) or a second event for the same dose issues nothing.
      const keyed = withKeysSecret(db, testConfig().secret);
      const handler = vaccinationCertificateHandler(keyed);
      const event = (
        await db.query<{ id: number; payload: DomainEvent<'vaccination.dose_recorded'>['payload'] }>(
          `select id::int, payload from domain_events where type = 'vaccination.dose_recorded' and payload->>'personId' = $1`,
          [a],
        )
      )[0]!;
      await keyed.transaction((tx) =>
        handler.handle(tx, {
          id: event.id,
          type: 'vaccination.dose_recorded',
          payload: event.payload,
          createdAt: new Date(),
        }),
      );
      const after = await db.query<{ n: number }>(
        'select count(*)::int as n from vaccination_certificates where person_id = any($1::uuid[])',
        [[a, b, c, made[0]!.id]],
      );
      assert.equal(after[0]!.n, 4);

      const rows = await app.inject({
        method: 'GET',
        url: `/api/vaccination/imports/${report.id}/rows`,
        headers: officer,
      });
      assert.equal(rows.statusCode, 200, rows.body);
      const list = rows.json() as {
        row: number;
        status: string;
        errors: { code: string }[];
        candidates: { id: string }[];
      }[];
      assert.deepEqual(
        list.map((r) => [r.row, r.status, r.errors.map((e) => e.code).join(',')]),
        [
          [8, 'review', ''],
          [10, 'error', 'DATE_AMBIGUOUS'],
          [11, 'error', 'PRODUCT_UNKNOWN'],
          [12, 'error', 'OUT_OF_AREA'],
        ],
      );
      assert.deepEqual(list[0]!.candidates.map((x) => x.id).sort(), [d1, d2].sort());

      // The officer picks the person; the row is then applied through the same path, once.
      const pick = await app.inject({
        method: 'POST',
        url: `/api/vaccination/imports/${report.id}/rows/8/resolve`,
        headers: officer,
        payload: { action: 'pick', personId: d2 },
      });
      assert.equal(pick.statusCode, 200, pick.body);
      assert.equal((await dosesOf(d2)).length, 1);
      const again = await app.inject({
        method: 'POST',
        url: `/api/vaccination/imports/${report.id}/rows/8/resolve`,
        headers: officer,
        payload: { action: 'pick', personId: d1 },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'VACCINATION_IMPORT_ROW_RESOLVED');
      assert.equal((await dosesOf(d1)).length, 0);

      // The error sheet: the same file with an error column on the flagged rows.
      const sheet = await app.inject({
        method: 'GET',
        url: `/api/vaccination/imports/${report.id}/error-sheet`,
        headers: officer,
      });
      assert.equal(sheet.statusCode, 200);
      assert.match(String(sheet.headers['content-type']), /text\/csv/);
      const lines = sheet.body.replace(/^\uFEFF/, '').split('\r\n');
      assert.match(lines[3]!, /;Lỗi \/ Error$/);
      assert.match(lines[9]!, /^6;.*;Ngày tiêm: ngày có thể hiểu hai cách/);
      assert.match(lines[4]!, /;05\/08\/2021$/, 'applied rows are unchanged');

      // The same file again: the first import, nothing new.
      const dosesBefore = (
        await db.query<{ n: number }>('select count(*)::int as n from vaccination_doses')
      )[0]!.n;
      const same = await upload(csv);
      assert.equal(same.statusCode, 200);
      assert.equal(same.json().duplicate, true);
      assert.equal(same.json().id, report.id);
      // The file with its flagged rows fixed: only the fixed rows are new doses.
      const fixed = csv
        .replace('08/25/2021', '25/08/2021')
        .replace(';xyz;', ';Sinopharm;')
        .replace(';00004;', ';;');
      const second = await upload(fixed);
      assert.equal(second.statusCode, 202, second.body);
      const r2 = await finished(second.json().id);
      assert.equal(r2.dosesCreated, 3, JSON.stringify(r2));
      assert.equal(r2.rowsDuplicate, 6 - 1, 'rows 1, 2, 3, 5, 9 were recorded by the first import');
      assert.equal(r2.rowsReview, 1, 'the ambiguous row is still a question for this file');
      const dosesAfter = (
        await db.query<{ n: number }>('select count(*)::int as n from vaccination_doses')
      )[0]!.n;
      assert.equal(dosesAfter, dosesBefore + 3);
    });

    it('an older dose imported after a newer one takes its place in the numbering', async () => {
      const id = cccd(1955);
      const p = await person(db, { name: 'Vũ Thị Thứ Tự', birthYear: 1955, cccd: id });
      const first = await upload(
        `Họ tên,Năm sinh,CCCD,Vắc xin,Ngày tiêm\nVũ Thị Thứ Tự,1955,${id},AZ,01/11/2021\n`,
      );
      await finished(first.json().id);
      const second = await upload(
        `Họ tên,Năm sinh,CCCD,Vắc xin,Ngày tiêm\nVũ Thị Thứ Tự,1955,${id},AZ,01/09/2021\n`,
      );
      await finished(second.json().id);
      assert.deepEqual(
        (await dosesOf(p)).map((d) => [d.day, d.dose_number]),
        [
          ['2021-09-01', 1],
          ['2021-11-01', 2],
        ],
      );
    });

    it('a person created from a year-only row is found again by a later file (name + birth year + commune)', async () => {
      const first = await upload('Họ tên,Năm sinh,Vắc xin,Ngày tiêm\nTô Thị Chỉ Năm,1948,AZ,02/08/2021\n');
      assert.equal((await finished(first.json().id)).peopleCreated, 1);
      const later = await upload(
        'Họ tên,Năm sinh,Vắc xin,Ngày tiêm\nTÔ THỊ CHỈ NĂM,1948,AZ,02/08/2021\nTô Thị Chỉ Năm,1948,AZ,02/10/2021\n',
      );
      const r = await finished(later.json().id);
      assert.deepEqual([r.peopleCreated, r.rowsDuplicate, r.dosesCreated], [0, 1, 1]);
      const people = await db.query<{ n: number }>(
        `select count(*)::int as n from persons where name_folded = 'to thi chi nam'`,
      );
      assert.equal(people[0]!.n, 1);
    });

    it('a saved column map names an unusual header once; a file without the columns says which are missing', async () => {
      const csv = 'Người,Sinh,Giấy,Thuốc,Hôm\nHoàng Văn Map,1966,,AZ,02/09/2021\n';
      const refused = await upload(csv);
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.code, 'IMPORT_FILE_INVALID');
      assert.deepEqual(
        refused.json().error.details.map((d: { field: string }) => d.field),
        ['product', 'date', 'fullName', 'birth', 'idNumber'],
      );
      const put = await app.inject({
        method: 'PUT',
        url: '/api/vaccination/imports/column-map',
        headers: officer,
        payload: { fullName: 'Người', birth: 'Sinh', product: 'Thuốc', date: 'Hôm' },
      });
      assert.equal(put.statusCode, 200, put.body);
      const preview = await app.inject({
        method: 'POST',
        url: '/api/vaccination/imports/preview',
        headers: { ...officer, 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.deepEqual(preview.json().columns, { fullName: 0, birth: 1, product: 3, date: 4 });
      const ok = await upload(csv);
      assert.equal(ok.statusCode, 202, ok.body);
      assert.equal((await finished(ok.json().id)).dosesCreated, 1);
    });

    it('an import is its uploader’s; other roles may not import', async () => {
      const other = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const mine = await upload(`Họ tên,Năm sinh,Vắc xin,Ngày tiêm\nAi Đó,1950,AZ,03/09/2021\n`);
      const peek = await app.inject({
        method: 'GET',
        url: `/api/vaccination/imports/${mine.json().id}/rows`,
        headers: other,
      });
      assert.equal(peek.statusCode, 404);
      const vaccinator = (await signInAs(app, db, { role: 'vaccinator', unitCode: '00001' })).headers;
      assert.equal((await upload('a,b\n1,2\n', vaccinator)).statusCode, 403);
    });
  });

  describe(`vaccination import: resumable after a failure mid-file (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('rows are committed in batches; a job stopped after its first batch goes on from there, applying nothing twice', async () => {
      const actor: Actor = {
        kind: 'staff',
        accountId: 'officer-resume',
        role: 'commune_officer',
        unitCode: '00001',
        facilityId: null,
        displayName: 'Cán bộ xã',
      };
      const lines = Array.from(
        { length: 8 },
        (_, i) => `Người Tiêm Số ${i + 1},${1950 + i},AZ,0${i + 1}/09/2021`,
      );
      const csv = `Họ tên,Năm sinh,Vắc xin,Ngày tiêm\n${lines.join('\n')}\n`;
      const { view } = await vaccinationImportService(db).upload(
        { actor },
        new TextEncoder().encode(csv),
        {},
      );
      await assert.rejects(
        runImport(db, view.id, { batchRows: 3, stopAfterBatches: 1 }),
        /stopped on purpose/,
      );
      const mid = (
        await db.query<{ rows_done: number; status: string; doses_created: number }>(
          'select rows_done, status, doses_created from vaccination_imports where id = $1',
          [view.id],
        )
      )[0]!;
      assert.deepEqual(mid, { rows_done: 3, status: 'processing', doses_created: 3 });
      await runImport(db, view.id, { batchRows: 3 });
      const end = await db.query<{
        rows_done: number;
        status: string;
        doses_created: number;
        people_created: number;
      }>('select rows_done, status, doses_created, people_created from vaccination_imports where id = $1', [
        view.id,
      ]);
      assert.deepEqual(end[0], { rows_done: 8, status: 'done', doses_created: 8, people_created: 8 });
      const doses = await db.query<{ n: number; rows: number }>(
        'select count(*)::int as n, count(distinct import_row)::int as rows from vaccination_doses where import_id = $1',
        [view.id],
      );
      assert.deepEqual(doses[0], { n: 8, rows: 8 });
      const people = await db.query<{ n: number }>(
        `select count(*)::int as n from persons where full_name like 'Người Tiêm Số %'`,
      );
      assert.equal(people[0]!.n, 8);
    });
  });

  describe(`vaccination import: the import's map decides its communes (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await applyDeploymentStructure(db, '2025');
    });
    after(async () => db.close());

    const officerOf = (at: typeof trucBach2021 | typeof baDinh2025, id: string): Actor => ({
      kind: 'staff',
      accountId: id,
      role: 'commune_officer',
      unitCode: at.communeCode,
      unitStructure: at.structure,
      facilityId: null,
      displayName: 'Cán bộ xã',
    });
    async function importAs(actor: Actor, name: string) {
      const csv = `Họ tên,Năm sinh,Vắc xin,Ngày tiêm\n${name},1961,AZ,05/08/2021\n`;
      const { view } = await vaccinationImportService(db).upload(
        { actor },
        new TextEncoder().encode(csv),
        {},
      );
      await runImport(db, view.id);
      const job = await db.query<{
        status: string;
        doses_created: number;
        rows_failed: number;
        unit_structure: string;
      }>('select status, doses_created, rows_failed, unit_structure from vaccination_imports where id = $1', [
        view.id,
      ]);
      const doses = await db.query<Record<string, string | null>>(
        `select d.unit_structure, d.commune_code, d.district_code, d.province_code, p.unit_structure as person_structure,
           p.district_code as person_district
         from vaccination_doses d join persons p on p.id = d.person_id where d.import_id = $1`,
        [view.id],
      );
      return { job: job[0], doses };
    }

    it('an officer still on the 2021 map in a 2025 deployment: their rows land in their 2021 commune, not the 2025 one with its code', async () => {
      const r = await importAs(officerOf(trucBach2021, 'officer-truc-bach'), 'Nguyễn Văn Trúc');
      assert.deepEqual(r.job, {
        status: 'done',
        doses_created: 1,
        rows_failed: 0,
        unit_structure: 'pre2025',
      });
      assert.deepEqual(r.doses, [
        {
          unit_structure: 'pre2025',
          commune_code: '00004',
          district_code: '001',
          province_code: '01',
          person_structure: 'pre2025',
          person_district: '001',
        },
      ]);
    });

    it('an officer of the 2025 commune with that code: on the 2025 map, without a district', async () => {
      const r = await importAs(officerOf(baDinh2025, 'officer-ba-dinh'), 'Nguyễn Văn Đình');
      assert.deepEqual(r.job, { status: 'done', doses_created: 1, rows_failed: 0, unit_structure: '2025' });
      assert.deepEqual(r.doses, [
        {
          unit_structure: '2025',
          commune_code: '00004',
          district_code: null,
          province_code: '01',
          person_structure: '2025',
          person_district: null,
        },
      ]);
    });
  });

  describe(`vaccination import: a file uploaded on the 2021 map, after the move to 2025 (${target.name})`, () => {
    // The file names 2021 communes: Phúc Xá (00001) went into Hồng Hà (00097); Cống Vị (00007) and
    // Ngọc Khánh (00025) were split, and 00025 is also the code of the 2025 Giảng Võ — a different place.
    let db: Db;
    let uploader: StaffActor;
    const twins: Record<string, string[]> = {};
    before(async () => {
      db = await target.open();
      const account = await insertAccount(db, {
        kind: 'staff',
        username: 'import.hanoi.2021',
        displayName: 'Cán bộ Hà Nội',
        role: 'province_officer',
        unitCode: '01',
        passwordHash: null,
      });
      uploader = {
        kind: 'staff',
        accountId: account.id,
        role: 'province_officer',
        unitCode: '01',
        unitStructure: 'pre2025',
        unitLevel: 'province',
        facilityId: null,
        displayName: 'Cán bộ Hà Nội',
      };
      // Two people with one phone and birth year in each commune: every file row is a question.
      for (const commune of ['00001', '00007', '00025']) {
        const phone = mobile();
        twins[commune] = [phone];
        for (let i = 0; i < 2; i++)
          twins[commune].push(await person(db, { name: 'Vũ Văn Song', birthYear: 1966, phone, commune }));
      }
    });
    after(async () => db.close());

    const csvOf = (lines: string[]) =>
      new TextEncoder().encode(`Họ tên,Năm sinh,SĐT,Mã xã,Vắc xin,Ngày tiêm\n${lines.join('\n')}\n`);
    const twinRow = (commune: string) => `Vũ Văn Song,1966,${twins[commune]![0]},${commune},AZ,05/08/2021`;
    const move = async (on: Db) => {
      await applyDeploymentStructure(on, '2025');
      const run = await runMove(on, { actor: { ...uploader, role: 'national_admin', unitCode: null } });
      assert.equal(run.status, 'done');
    };
    /** The uploader as a session sees them once their account is on the 2025 map. */
    const uploader2025 = (): StaffActor => ({ ...uploader, unitStructure: '2025' });

    it('rows left for review are resolved on the 2025 commune their 2021 commune became; a split commune is not guessed', async () => {
      const service = vaccinationImportService(db);
      const { view } = await service.upload(
        { actor: uploader },
        csvOf([twinRow('00001'), twinRow('00007'), twinRow('00025')]),
        {},
      );
      await runImport(db, view.id);
      const review = await db.query<{ n: number }>(
        `select count(*)::int as n from vaccination_import_rows where import_id = $1 and status = 'review'`,
        [view.id],
      );
      assert.equal(review[0]!.n, 3);
      await move(db);

      const ctx = { actor: uploader2025() };
      const picked = await service.resolve(ctx, view.id, 2, {
        action: 'pick',
        personId: twins['00001']![1]!,
      });
      assert.equal(picked.status, 'resolved');
      const dose = await db.query<{ at: string }>(
        `select unit_structure || ' ' || commune_code || ' ' || province_code as at from vaccination_doses where id = $1`,
        [picked.doseId],
      );
      assert.deepEqual(dose[0], { at: '2025 00097 01' });

      for (const [row, commune] of [
        [3, '00007'],
        [4, '00025'],
      ] as const)
        await assert.rejects(
          service.resolve(ctx, view.id, row, { action: 'pick', personId: twins[commune]![1]! }),
          (err: { code?: string; details?: { code: string }[] }) =>
            err.code === 'VALIDATION_FAILED' && err.details?.[0]?.code === 'COMMUNE_SPLIT',
        );
      const giangVo = await db.query<{ n: number }>(
        `select count(*)::int as n from vaccination_doses where import_id = $1 and commune_code = '00025'`,
        [view.id],
      );
      assert.equal(giangVo[0]!.n, 0, 'nothing landed in the 2025 commune that has the 2021 code');
    });

    it('an import running when the map changes applies its later rows on the 2025 commune', async () => {
      // A deployment of its own: nothing of the first test's moved map.
      const fresh = await target.open();
      try {
        const account = await insertAccount(fresh, {
          kind: 'staff',
          username: 'import.hanoi.running',
          displayName: 'Cán bộ Hà Nội',
          role: 'province_officer',
          unitCode: '01',
          passwordHash: null,
        });
        uploader = { ...uploader, accountId: account.id, unitStructure: 'pre2025' };
        const lines = Array.from(
          { length: 4 },
          (_, i) => `Người Chuyển Số ${i + 1},${1950 + i},,00001,AZ,05/08/2021`,
        );
        const { view } = await vaccinationImportService(fresh).upload({ actor: uploader }, csvOf(lines), {});
        await assert.rejects(
          runImport(fresh, view.id, { batchRows: 2, stopAfterBatches: 1 }),
          /stopped on purpose/,
        );
        await move(fresh);
        await runImport(fresh, view.id, { batchRows: 2 });
        const doses = await fresh.query<{ at: string }>(
          `select unit_structure || ' ' || commune_code as at from vaccination_doses where import_id = $1
           order by import_row`,
          [view.id],
        );
        // The first two were written on 2021 and carried by the move; the last two written on 2025.
        assert.deepEqual(
          doses.map((d) => d.at),
          ['2025 00097', '2025 00097', '2025 00097', '2025 00097'],
        );
      } finally {
        await fresh.close();
      }
    });
  });
}
