// Corrections (issue #12 §5): the reviewer sees the bulk import's rows still waiting for a person
// (not found, or ambiguous) beside the request, through the 'import' candidate source app.ts registers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createPerson } from './vaccination.fixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

for (const target of dbTargets()) {
  describe(`correction review offers unmatched and ambiguous import rows (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a citizen’s missing dose is shown beside the import rows of that day in their commune', async () => {
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const phone = '0912340001';
      const twinPhone = '+84912340002';
      const self = await createPerson(db, {
        fullName: 'Hoàng Văn Mất',
        birthYear: 1961,
        phone: `+84${phone.slice(1)}`,
      });
      // Two records sharing a phone and birth year: a row naming that phone is ambiguous between them.
      const twinA = await createPerson(db, { fullName: 'Phạm Văn Đôi', birthYear: 1990, phone: twinPhone });
      await createPerson(db, { fullName: 'Phạm Văn Đôi', birthYear: 1990, phone: twinPhone });
      const csv = [
        'Họ tên;Năm sinh;Số CCCD;SĐT;Mã xã;Vắc xin;Ngày tiêm',
        ';;001061999999;;;AZ;05/08/2021', // nobody has this number and no name to create one
        `Phạm Văn Đôi;1990;;0912340002;;AZ;05/08/2021`, // two candidates
        ';;001061999998;;00004;AZ;05/08/2021', // another commune: not the reviewer's to see
        ';;001061999997;;;AZ;06/08/2021', // another day
      ].join('\r\n');
      const up = await app.inject({
        method: 'POST',
        url: '/api/vaccination/imports',
        headers: { ...officer, 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.equal(up.statusCode, 202, up.body);
      let report: { status: string } = { status: 'processing' };
      for (let i = 0; i < 300 && report.status === 'processing'; i++) {
        report = (
          await app.inject({
            method: 'GET',
            url: `/api/vaccination/imports/${up.json().id}`,
            headers: officer,
          })
        ).json();
        if (report.status === 'processing') await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(report.status, 'done', JSON.stringify(report));

      const fileFor = async (headers: object, personId: string) => {
        const filed = await app.inject({
          method: 'POST',
          url: '/api/vaccination/corrections',
          headers: headers as never,
          payload: {
            clientId: randomUUID(),
            personId,
            kind: 'missing',
            productMp: 'EU/1/21/1529',
            doseDate: '2021-08-05',
            siteText: 'Trạm Y tế phường Phúc Xá',
            evidence: { contentType: 'image/png', content: PNG.toString('base64') },
          },
        });
        assert.equal(filed.statusCode, 201, filed.body);
        const id = filed.json().correction.id as string;
        const review = await app.inject({
          method: 'GET',
          url: `/api/vaccination/corrections/${id}`,
          headers: officer,
        });
        assert.equal(review.statusCode, 200, review.body);
        return review.json().candidates as { source: string; id: string; date: string; detail: string }[];
      };
      const importId = up.json().id as string;
      const citizen = (await signInCitizen(app, phone)).headers;
      const mine = await fileFor(citizen, self);
      assert.deepEqual(mine.map((c) => [c.source, c.id, c.date]).sort(), [
        ['import', `${importId}:2`, '2021-08-05'],
        ['import', `${importId}:3`, '2021-08-05'],
      ]);
      assert.match(mine.find((c) => c.id.endsWith(':2'))!.detail, /Not matched/);
      assert.match(mine.find((c) => c.id.endsWith(':3'))!.detail, /Ambiguous.*Phạm Văn Đôi · 1990/);

      // The twin's request (filed by hotline staff for a caller) puts the row naming them first.
      const hotline = (await signInAs(app, db, { role: 'hotline_operator', unitCode: '00001' })).headers;
      const theirs = await fileFor(hotline, twinA);
      assert.equal(theirs[0]?.id, `${importId}:3`);
    });
  });
}
