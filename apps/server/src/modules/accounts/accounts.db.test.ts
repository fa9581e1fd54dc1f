import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { systemActor } from '../../core/auth/actor';

const STRONG = 'Strong-pass-2021';

for (const target of dbTargets()) {
  describe(`account management (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let national: { headers: { cookie: string } };
    let hanoi: { headers: { cookie: string }; accountId: string };
    let n = 0;
    const create = (headers: { cookie: string }, body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/api/accounts',
        headers,
        payload: { username: `user${++n}`, displayName: 'Cán bộ mới', password: STRONG, ...body },
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      national = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      hanoi = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a province officer creates accounts in districts and communes of the province, audited', async () => {
      const district = await create(hanoi.headers, { role: 'district_officer', unitCode: '001' });
      assert.equal(district.statusCode, 201);
      assert.equal(district.json().unitName, 'Quận Ba Đình');
      const commune = await create(hanoi.headers, { role: 'sampler', unitCode: '00001' });
      assert.equal(commune.statusCode, 201);
      const audits = await db.query<{
        action: string;
        person_id: string | null;
        details: { accountId: string };
      }>("select action, person_id, details from audit_log where action = 'account.create' order by id");
      assert.deepEqual(
        audits.map((a) => a.details.accountId),
        [district.json().id, commune.json().id],
      );
      assert.ok(audits.every((a) => a.person_id === null));
    });

    it('no account is the system: refused by the API and by the table; its work is audited as system', async () => {
      const refused = await create(national.headers, { role: 'system', unitCode: null });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.json().error.code, 'VALIDATION_FAILED');
      await assert.rejects(
        db.query(
          `insert into accounts (kind, username, display_name, role) values ('staff', 'sys', 'System', 'system')`,
        ),
        /accounts_role_not_system/,
      );
      await recordAudit(
        db,
        { actor: systemActor('test.job') },
        { action: 'keys.rotate', details: { test: 1 } },
      );
      const rows = await db.query<{
        actor_account_id: string;
        actor_role: string;
        actor_unit: string | null;
      }>(`select actor_account_id, actor_role, actor_unit from audit_log where details->>'test' = '1'`);
      assert.deepEqual(rows, [
        { actor_account_id: 'system:test.job', actor_role: 'system', actor_unit: null },
      ]);
    });

    it('refuses units outside the province and national admins', async () => {
      const hcm = await create(hanoi.headers, { role: 'commune_officer', unitCode: '26800' });
      assert.equal(hcm.statusCode, 403);
      const nationalScope = await create(hanoi.headers, { role: 'verifier', unitCode: null });
      assert.equal(nationalScope.statusCode, 403);
      const admin = await create(hanoi.headers, { role: 'national_admin', unitCode: null });
      assert.equal(admin.statusCode, 403);
      assert.equal(
        (await create(national.headers, { role: 'national_admin', unitCode: null })).statusCode,
        201,
      );
    });

    it('checks the unit exists and fits the role, and the password strength', async () => {
      assert.equal(
        (await create(national.headers, { role: 'sampler', unitCode: '99999' })).json().error.code,
        'UNIT_NOT_FOUND',
      );
      const misfit = await create(national.headers, { role: 'province_officer', unitCode: '001' });
      assert.equal(misfit.json().error.details[0].code, 'UNIT_LEVEL');
      assert.equal(
        (
          await create(national.headers, { role: 'sampler', unitCode: '001', password: 'weakweakweak' })
        ).json().error.code,
        'WEAK_PASSWORD',
      );
      assert.equal(
        (await create(national.headers, { role: 'sampler', unitCode: '001', username: 'dup.user' }))
          .statusCode,
        201,
      );
      assert.equal(
        (await create(national.headers, { role: 'sampler', unitCode: '001', username: 'DUP.user' })).json()
          .error.code,
        'USERNAME_TAKEN',
      );
    });

    it('lists only accounts within the caller’s unit', async () => {
      await create(national.headers, { role: 'commune_officer', unitCode: '26800' });
      const list = async (headers: { cookie: string }, query = '') =>
        (await app.inject({ method: 'GET', url: `/api/accounts${query}`, headers })).json();
      const hanoiList = await list(hanoi.headers);
      assert.ok(hanoiList.items.length >= 3);
      assert.equal(hanoiList.total, hanoiList.items.length);
      assert.ok(
        hanoiList.items.every((a: { unitCode: string }) => ['01', '001', '00001'].includes(a.unitCode)),
      );
      const all = await list(national.headers);
      assert.ok(all.items.some((a: { unitCode: string | null }) => a.unitCode === '26800'));
      assert.ok(all.items.some((a: { unitCode: string | null }) => a.unitCode === null));
      const samplers = await list(national.headers, '?role=sampler&limit=1');
      assert.equal(samplers.items.length, 1);
      assert.ok(samplers.total >= 2);
    });

    it('searches by name or username without diacritics, and tells when each account last signed in', async () => {
      const made = await create(national.headers, {
        role: 'commune_officer',
        unitCode: '00001',
        displayName: 'Đặng Thị Hường',
      });
      assert.equal(made.statusCode, 201, made.body);
      const search = async (q: string) =>
        (
          await app.inject({
            method: 'GET',
            url: `/api/accounts?q=${encodeURIComponent(q)}`,
            headers: national.headers,
          })
        ).json() as { items: { displayName: string; lastSignInAt: string | null }[] };
      assert.deepEqual(
        (await search('dang thi huong')).items.map((a) => a.displayName),
        ['Đặng Thị Hường'],
      );
      assert.equal((await search('ĐẶNG')).items.length, 1);
      assert.equal((await search(made.json().username)).items.length, 1);
      assert.equal((await search('%')).items.length, 0, 'a LIKE wildcard is matched literally');
      assert.equal((await search('dang thi huong')).items[0]!.lastSignInAt, null, 'never signed in yet');
      const before = Date.now();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: made.json().username, password: STRONG },
      });
      assert.equal(login.statusCode, 200, login.body);
      const last = (await search('dang thi huong')).items[0]!.lastSignInAt;
      assert.ok(last && Date.parse(last) >= before - 1000, `last sign-in ${last}`);
    });

    it('denies officers below, field staff and citizens', async () => {
      const sampler = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      const commune = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const citizen = await signInCitizen(app, '0912000111');
      for (const who of [sampler, commune, citizen])
        assert.equal(
          (await app.inject({ method: 'GET', url: '/api/accounts', headers: who.headers })).statusCode,
          403,
        );
      assert.equal((await app.inject({ method: 'GET', url: '/api/accounts' })).statusCode, 401);
    });

    it('updates, disables (ending sessions) and resets passwords only within reach', async () => {
      const target = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      const hcm = await signInAs(app, db, { role: 'sampler', unitCode: '26800' });
      const patch = (id: string, payload: Record<string, unknown>, headers = hanoi.headers) =>
        app.inject({ method: 'PATCH', url: `/api/accounts/${id}`, headers, payload });
      assert.equal(
        (await patch(hcm.accountId, { displayName: 'X' })).statusCode,
        404,
        'out of reach looks missing',
      );
      assert.equal((await patch(target.accountId, { unitCode: '26800' })).statusCode, 403);
      assert.equal(
        (await patch(target.accountId, { role: 'national_admin', unitCode: null })).statusCode,
        403,
      );
      assert.equal((await patch(hanoi.accountId, { disabled: true })).statusCode, 403, 'not oneself');
      const renamed = await patch(target.accountId, { displayName: 'Nguyễn Văn Mẫu', unitCode: '001' });
      assert.equal(renamed.statusCode, 200);
      assert.equal(renamed.json().displayName, 'Nguyễn Văn Mẫu');
      assert.equal(renamed.json().unitCode, '001');
      const disabled = await patch(target.accountId, { disabled: true });
      assert.equal(disabled.json().disabled, true);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: target.headers })).statusCode,
        401,
      );

      const reset = (id: string, password: string) =>
        app.inject({
          method: 'POST',
          url: `/api/accounts/${id}/reset-password`,
          headers: hanoi.headers,
          payload: { password },
        });
      assert.equal((await reset(hcm.accountId, STRONG)).statusCode, 404);
      assert.equal((await reset(target.accountId, 'short')).json().error.code, 'WEAK_PASSWORD');
      assert.equal((await reset(target.accountId, STRONG)).statusCode, 204);
      const actions = await db.query<{ action: string }>(
        "select action from audit_log where details->>'accountId' = $1 order by id",
        [target.accountId],
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ['account.update', 'account.update', 'account.resetPassword'],
      );
    });

    it('issues API tokens shown once, usable as Bearer, and revocable', async () => {
      const machine = await create(hanoi.headers, {
        role: 'lab_technician',
        unitCode: '001',
        kind: 'machine',
      });
      const id = machine.json().id;
      const issued = await app.inject({
        method: 'POST',
        url: `/api/accounts/${id}/tokens`,
        headers: hanoi.headers,
        payload: { name: 'LIS' },
      });
      assert.equal(issued.statusCode, 201);
      const { token, id: tokenId } = issued.json();
      assert.match(token, /^pdt_/);
      const stored = await db.query<{ token_hash: string }>(
        'select token_hash from api_tokens where id = $1',
        [tokenId],
      );
      assert.notEqual(stored[0]!.token_hash, token);
      const bearer = { authorization: `Bearer ${token}` };
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().account.kind, 'machine');
      const bad = await app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: 'Bearer pdt_nope' },
      });
      assert.equal(bad.json().error.code, 'TOKEN_INVALID');
      const revoke = await app.inject({
        method: 'DELETE',
        url: `/api/accounts/${id}/tokens/${tokenId}`,
        headers: hanoi.headers,
      });
      assert.equal(revoke.statusCode, 204);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode,
        401,
      );
    });
  });
}
