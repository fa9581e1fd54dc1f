import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit';
import { csvField } from './audit-csv';
import { checkHeads } from '../../core/audit/heads';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PERSON = '22222222-2222-4222-8222-222222222222';

for (const target of dbTargets()) {
  describe(`audit API (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let admin: { headers: { cookie: string }; accountId: string };
    const headsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-heads-routes-'));
    const get = (url: string, headers = admin.headers) => app.inject({ method: 'GET', url, headers });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db, { auditHeadsDir: headsDir });
      admin = await signInAs(app, db, {
        role: 'national_admin',
        unitCode: null,
        displayName: 'Quản trị Nguyễn',
      });
      const officer: Actor = {
        kind: 'staff',
        accountId: 'acc-x',
        role: 'commune_officer',
        unitCode: '00001',
        facilityId: null,
        displayName: 'x',
      };
      for (let i = 0; i < 5; i++)
        await db.transaction((tx) =>
          recordAudit(
            tx,
            { actor: officer, ip: '10.0.0.1' },
            { action: 'person.read', personId: PERSON, details: { i } },
          ),
        );
      await db.transaction((tx) =>
        recordAudit(
          tx,
          { actor: officer },
          {
            action: 'person.breakGlass',
            personId: PERSON,
            breakGlass: true,
            reason: 'Truy vết F1, "khẩn", =cấp',
          },
        ),
      );
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('searches with filters and pages with a cursor, auditing the read', async () => {
      const first = await get(`/api/audit?personId=${PERSON}&action=person.read&limit=3`);
      assert.equal(first.statusCode, 200);
      const page1 = first.json();
      assert.deepEqual(
        page1.items.map((e: { details: { i: number } }) => e.details.i),
        [4, 3, 2],
      );
      assert.ok(page1.nextBeforeId);
      const page2 = (
        await get(`/api/audit?personId=${PERSON}&action=person.read&limit=3&beforeId=${page1.nextBeforeId}`)
      ).json();
      assert.deepEqual(
        page2.items.map((e: { details: { i: number } }) => e.details.i),
        [1, 0],
      );
      assert.equal(page2.nextBeforeId, null);
      const glass = (await get('/api/audit?breakGlass=true')).json().items;
      assert.equal(glass.length, 1);
      assert.equal(glass[0].breakGlass, true);
      const reads = (await get(`/api/audit?action=audit.read&actorAccountId=${admin.accountId}`)).json()
        .items;
      assert.equal(
        reads.length,
        3,
        'the three searches above are in the trail (this one is recorded after it reads)',
      );
      assert.equal(reads[0].actorName, 'Quản trị Nguyễn');
      assert.deepEqual(reads[0].details.filters, ['breakGlass']);
    });

    it('filters by time', async () => {
      const future = new Date(Date.now() + 3600_000).toISOString();
      assert.equal((await get(`/api/audit?from=${encodeURIComponent(future)}`)).json().items.length, 0);
      assert.ok((await get(`/api/audit?to=${encodeURIComponent(future)}`)).json().items.length > 0);
    });

    it('exports CSV with a BOM and escaped fields', async () => {
      const res = await get(`/api/audit/export?personId=${PERSON}&breakGlass=true`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="audit-/);
      const text = res.body;
      assert.ok(text.startsWith('\uFEFF"id","at"'));
      assert.ok(text.includes('"Truy vết F1, ""khẩn"", =cấp"'));
      assert.equal(text.trim().split('\r\n').length, 2);
      assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
      const last = (await get('/api/audit?limit=1')).json().items[0];
      assert.equal(last.action, 'audit.read');
      assert.equal(last.details.export, true);
    });

    it('verifies the chain and detects tampering', async () => {
      const ok = (await get('/api/audit/verify')).json();
      assert.equal(ok.ok, true);
      assert.ok(ok.checked >= 6);
      assert.equal(ok.unsealed, 0, 'verify seals what has committed first');
      await db.exec('alter table audit_log disable trigger audit_log_no_update');
      await db.query("update audit_log set reason = 'đã sửa' where action = 'person.breakGlass'");
      await db.exec('alter table audit_log enable trigger audit_log_no_update');
      const [tampered] = await db.query<{ id: number }>(
        "select id from audit_log where action = 'person.breakGlass'",
      );
      const bad = (await get('/api/audit/verify')).json();
      assert.equal(bad.ok, false);
      assert.equal(bad.problem, 'mac');
      assert.equal(bad.brokenAt, tampered!.id);
    });

    it('publishes signed chain heads to anyone, verifiable with the key served beside them', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/audit/heads' });
      assert.equal(res.statusCode, 200);
      const body = res.json() as {
        alg: string;
        publicKeyPem: string;
        heads: { sealSeq: number; time: string }[];
      };
      assert.equal(body.alg, 'Ed25519');
      assert.ok(body.heads.length >= 1, 'verify published a head');
      const lines = body.heads.map((h) => JSON.stringify(h));
      assert.deepEqual(checkHeads(lines, createPublicKey(body.publicKeyPem)).problems, []);
      const forged = JSON.stringify({ ...body.heads[0], sealSeq: body.heads[0]!.sealSeq + 1 });
      assert.deepEqual(
        checkHeads([forged], createPublicKey(body.publicKeyPem)).problems.map((p) => p.reason),
        ['signature'],
      );
      const last = body.heads[body.heads.length - 1]!;
      const later = (
        await app.inject({ method: 'GET', url: `/api/audit/heads?since=${encodeURIComponent(last.time)}` })
      ).json();
      assert.deepEqual(later.heads, []);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/audit/heads?since=yesterday' })).statusCode,
        400,
      );
      // A line edited into garbage is left out of the answer (verification reports it), not a 500.
      const file = path.join(headsDir, fs.readdirSync(headsDir)[0]!);
      fs.appendFileSync(file, 'not a head\n');
      const served = await app.inject({ method: 'GET', url: '/api/audit/heads' });
      assert.equal(served.statusCode, 200);
      assert.equal(served.json().heads.length, body.heads.length);
    });

    it('is for national admins only', async () => {
      const province = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
      for (const url of ['/api/audit', '/api/audit/export', '/api/audit/verify'])
        assert.equal((await get(url, province.headers)).statusCode, 403);
      assert.equal((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode, 401);
    });
  });
}
