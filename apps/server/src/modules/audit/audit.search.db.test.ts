import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { cccdFor, input } from '../people/people.fixtures';

type Entry = {
  action: string;
  personId: string | null;
  actorName: string | null;
  actorUnitName: string | null;
};

for (const target of dbTargets()) {
  describe(`audit search by person name, identity number and account name (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let admin: { headers: { cookie: string } };
    let mai: string;
    let binh: string;
    const cccd = cccdFor(1990, 'female');
    const search = async (body: Record<string, unknown>) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/audit/search',
        headers: admin.headers,
        payload: body,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Entry[];
    };

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      admin = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const officer = await signInAs(app, db, {
        role: 'commune_officer',
        unitCode: '00001',
        displayName: 'Trịnh Công Sơn',
      });
      const create = async (body: object) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/people',
          headers: officer.headers,
          payload: body,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      mai = await create(input({ fullName: 'Lê Thị Mai', birthDate: '1990-05-05', sex: 'female', cccd }));
      binh = await create(input({ fullName: 'Phạm Văn Bình', birthDate: '1981-01-01' }));
      await app.inject({ method: 'GET', url: `/api/people/${mai}`, headers: officer.headers });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it("finds a person's entries by their name typed without diacritics", async () => {
      const items = await search({ personName: 'le thi mai' });
      assert.ok(items.length >= 2, 'the creation and the read');
      assert.ok(items.every((e) => e.personId === mai));
      assert.ok(items.some((e) => e.action === 'person.read'));
    });

    it('finds them by an identity number, and nobody by a number no one holds', async () => {
      const items = await search({ personIdNumber: cccd });
      assert.ok(items.length >= 2);
      assert.ok(items.every((e) => e.personId === mai));
      assert.equal((await search({ personIdNumber: '079999999999' })).length, 0);
    });

    it("finds an account's actions by its name, with the unit's name", async () => {
      const items = await search({ actorName: 'trinh cong', action: 'person.create' });
      assert.deepEqual(new Set(items.map((e) => e.personId)), new Set([mai, binh]));
      assert.ok(items.every((e) => e.actorName === 'Trịnh Công Sơn'));
      assert.match(items[0]!.actorUnitName ?? '', /Phúc Xá/);
      assert.equal((await search({ actorName: '%' })).length, 0, 'wildcards are literal');
    });

    it('records which filters were used, never their values', async () => {
      await search({ personName: 'le thi mai' });
      const rows = await db.query<{ details: Record<string, unknown> }>(
        `select details from audit_log where action = 'audit.read' order by id desc limit 1`,
      );
      assert.deepEqual(rows[0]!.details.filters, ['personName']);
      assert.doesNotMatch(JSON.stringify(rows[0]!.details), /mai/i);
    });

    it('exports to CSV exactly what the search shows, every filter honoured, none in the URL', async () => {
      const exportCsv = async (body: Record<string, unknown>, headers = admin.headers) =>
        app.inject({ method: 'POST', url: '/api/audit/export', headers, payload: body });
      const ids = (csv: string) =>
        csv
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n')
          .slice(1)
          .map((line) => Number(JSON.parse(line.split(',')[0]!)));
      for (const filters of [
        { personName: 'le thi mai' },
        { personIdNumber: cccd },
        { actorName: 'trinh cong', action: 'person.create' },
      ]) {
        const shown = (await search(filters)) as unknown as { id: number }[];
        const res = await exportCsv(filters);
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['content-type']), /^text\/csv/);
        assert.match(String(res.headers['content-disposition']), /^attachment; filename="audit-/);
        assert.ok(shown.length >= 1);
        // The search read itself is audited between the two calls: the export is what the search
        // showed, not one row more (a person filter excludes the audit reads, which name nobody).
        assert.deepEqual(
          ids(res.body),
          shown.map((e) => e.id),
          JSON.stringify(filters),
        );
      }
      const none = await exportCsv({ personIdNumber: '079999999999' });
      assert.equal(ids(none.body).length, 0, 'a number no one holds exports no row');

      const rows = await db.query<{ details: Record<string, unknown> }>(
        `select details from audit_log where action = 'audit.read' order by id desc limit 1`,
      );
      assert.equal(rows[0]!.details.export, true);
      assert.deepEqual(rows[0]!.details.filters, ['personIdNumber']);
      assert.doesNotMatch(JSON.stringify(rows[0]!.details), /0799/, 'the number itself is not recorded');

      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      assert.equal((await exportCsv({ personName: 'x' }, officer.headers)).statusCode, 403);
      assert.equal((await exportCsv({ name: 'x' })).statusCode, 400);
    });

    it('refuses officers and unknown fields', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const res = await app.inject({
        method: 'POST',
        url: '/api/audit/search',
        headers: officer.headers,
        payload: { personName: 'x' },
      });
      assert.equal(res.statusCode, 403);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/audit/search',
        headers: admin.headers,
        payload: { name: 'x' },
      });
      assert.equal(bad.statusCode, 400);
    });
  });
}
