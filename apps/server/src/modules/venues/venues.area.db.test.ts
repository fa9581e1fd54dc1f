// Issue #8 items 3, 4 and 5 (scan) and #9 (one rule for acting for a venue): facility accounts stay
// in their area, self-registered points wait for their commune, out-of-area scans hide health reasons.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen, TEST_PASSWORD } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { citizenWithPerson, createVenue, nowIso, personCode } from '../checkins/checkins.fixtures';
import { registerStatusSource } from '../status';
import { newPersonToken } from '../personal-qr/personal-qr.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`venues stay in their area (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let visitor: Awaited<ReturnType<typeof citizenWithPerson>>;
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Headers, payload?: object) =>
      app.inject({ method, url, headers, payload });
    const staffCheckin = async (headers: Headers, venueId: string) =>
      call('POST', '/api/checkins/staff', headers, {
        id: randomUUID(),
        venueId,
        code: await personCode(db, visitor.personId, 'C'),
        deviceTime: nowIso(),
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      visitor = await citizenWithPerson(app, '0977300001');
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('refuses an account tied to a lab or venue outside the area it is created or moved into', async () => {
      const [lab] = await db.query<{ id: string }>(
        `insert into labs (code, name, commune_code, district_code, province_code)
         values ('HCM-LAB-1', 'Phòng xét nghiệm Quận 1', '26734', '760', '79') returning id`,
      );
      const hcmVenue = await createVenue(db, {
        communeCode: '26734',
        districtCode: '760',
        provinceCode: '79',
      });
      const baDinh = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      const create = (username: string, role: string, unitCode: string, facilityId: string) =>
        call('POST', '/api/accounts', baDinh.headers, {
          username,
          displayName: 'Kỹ thuật viên',
          role,
          unitCode,
          facilityId,
          password: TEST_PASSWORD,
        });
      for (const [name, role, facility] of [
        ['ktv.far', 'lab_technician', lab!.id],
        ['diem.far', 'commune_officer', hcmVenue],
        ['ktv.nowhere', 'lab_technician', randomUUID()],
      ] as const) {
        const res = await create(name, role, role === 'commune_officer' ? '00001' : '001', facility);
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        assert.equal(res.json().error.details[0].field, 'facilityId');
        assert.equal(res.json().error.details[0].code, 'FACILITY_OUTSIDE_AREA');
      }
      assert.equal((await db.query(`select 1 from accounts where username like '%.far'`)).length, 0);

      const near = await createVenue(db);
      const ok = await create('diem.near', 'commune_officer', '00001', near);
      assert.equal(ok.statusCode, 201, ok.body);
      // Moving that account to a commune elsewhere would leave its venue outside its area.
      const hanoiProvince = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
      const moved = await call('PATCH', `/api/accounts/${ok.json().id}`, hanoiProvince.headers, {
        unitCode: '00004',
      });
      assert.equal(moved.statusCode, 400, moved.body);
      assert.equal(moved.json().error.details[0].code, 'FACILITY_OUTSIDE_AREA');
    });

    it('refuses check-ins and scans by an account acting for a venue outside its area', async () => {
      const far = await createVenue(db, { communeCode: '26734', districtCode: '760', provinceCode: '79' });
      // Such an account exists from before the creation check: it must not act there anyway.
      const tied = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001', facilityId: far });
      const res = await staffCheckin(tied.headers, far);
      assert.equal(res.statusCode, 403, res.body);
      const manager = await signInAs(app, db, { role: 'venue_manager', unitCode: '00001', facilityId: far });
      const scan = await call('POST', '/api/scan/resolve', manager.headers, {
        code: 'HC1:XYZ',
        venueId: far,
      });
      assert.equal(scan.statusCode, 403, scan.body);
      assert.equal((await staffCheckin(manager.headers, far)).statusCode, 403);
      // Tied to a venue inside its area, the same kind of account records there.
      const near = await createVenue(db);
      const local = await signInAs(app, db, { role: 'venue_manager', unitCode: '00001', facilityId: near });
      const here = await staffCheckin(local.headers, near);
      assert.equal(here.statusCode, 201, here.body);
    });

    it('keeps a self-registered point pending until its commune approves; rejects with a reason', async () => {
      const owner = await signInCitizen(app, '0977300002');
      const reg = await call('POST', '/api/venues', owner.headers, {
        kind: 'shop',
        name: 'Tạp hoá Chờ Duyệt',
        communeCode: '00001',
      });
      assert.equal(reg.statusCode, 201, reg.body);
      assert.equal(reg.json().status, 'pending');
      const id = reg.json().id as string;
      assert.equal(
        (await call('GET', `/api/venues/${id}/qr`, owner.headers)).json().error.code,
        'VENUE_NOT_ACTIVE',
      );
      const checkin = await staffCheckin(owner.headers, id);
      assert.equal(checkin.statusCode, 409, checkin.body);
      assert.equal(checkin.json().error.code, 'VENUE_NOT_ACTIVE');
      const cccd = await call('POST', '/api/scan/resolve', owner.headers, {
        code: '001088012345||Lê Văn Mới|01011988|Nam|Thôn 1|01012022',
        venueId: id,
      });
      assert.equal(cccd.json().error.code, 'VENUE_NOT_ACTIVE');
      assert.equal((await db.query(`select 1 from persons where cccd = '001088012345'`)).length, 0);

      const phucXa = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const approved = await call('POST', `/api/venues/${id}/approve`, phucXa.headers);
      assert.deepEqual([approved.json().status, approved.json().reviewed], ['active', true]);
      assert.equal((await staffCheckin(owner.headers, id)).statusCode, 201);

      const other = await call('POST', '/api/venues', owner.headers, {
        kind: 'shop',
        name: 'Quán Không Có Thật',
        communeCode: '00001',
      });
      const otherId = other.json().id as string;
      const noReason = await call('POST', `/api/venues/${otherId}/reject`, phucXa.headers, { reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.details[0].field, 'reason');
      const rejected = await call('POST', `/api/venues/${otherId}/reject`, phucXa.headers, {
        reason: 'Không có cửa hàng ở địa chỉ này',
      });
      assert.equal(rejected.statusCode, 200, rejected.body);
      assert.equal(rejected.json().status, 'suspended');
      assert.equal(rejected.json().statusReason, 'Không có cửa hàng ở địa chỉ này');
      const again = await call('POST', `/api/venues/${id}/reject`, phucXa.headers, { reason: 'muộn rồi' });
      assert.equal(
        again.json().error.code,
        'VENUE_STATUS_CONFLICT',
        'an approved point is suspended, not rejected',
      );
      const [audit] = await db.query<{ actor_account_id: string; reason: string }>(
        `select actor_account_id, reason from audit_log where action = 'venue.reject'`,
      );
      assert.deepEqual(audit, {
        actor_account_id: phucXa.accountId,
        reason: 'Không có cửa hàng ở địa chỉ này',
      });
    });

    it('lets the staff of a parent record check-ins at its stall, as it lets them manage it', async () => {
      const market = await createVenue(db);
      const stall = await createVenue(db);
      await db.query('update venues set parent_id = $1 where id = $2', [market, stall]);
      const staff = await signInCitizen(app, '0977300003');
      await db.query(`insert into venue_staff (venue_id, phone, role) values ($1, '+84977300003', 'staff')`, [
        market,
      ]);
      // The parent's staff by phone, the parent's owner, and an account whose facility is the parent:
      // each manages the stall and records (and checks out) visits there, by the venues module's one rule.
      const owner = await signInCitizen(app, '0977300005');
      await db.query('update venues set owner_account_id = $1 where id = $2', [owner.accountId, market]);
      const tied = await signInAs(app, db, { role: 'venue_manager', unitCode: '00001', facilityId: market });
      for (const [who, headers] of [
        ['parent staff', staff.headers],
        ['parent owner', owner.headers],
        ['parent facility account', tied.headers],
      ] as const) {
        const manage = await call('GET', `/api/venues/${stall}/staff`, headers);
        assert.equal(manage.statusCode, 200, `${who} manages: ${manage.body}`);
        const res = await staffCheckin(headers, stall);
        assert.equal(res.statusCode, 201, `${who} records: ${res.body}`);
        const out = await call('POST', `/api/checkins/${res.json().id}/checkout`, headers, {
          deviceTime: nowIso(),
        });
        assert.equal(out.statusCode, 200, `${who} checks out: ${out.body}`);
      }
      // A stranger does neither.
      const stranger = await signInCitizen(app, '0977300006');
      assert.equal((await call('GET', `/api/venues/${stall}/staff`, stranger.headers)).statusCode, 404);
      assert.equal((await staffCheckin(stranger.headers, stall)).statusCode, 403);
    });

    it('shows an out-of-area scan the colour but not the health reasons', async () => {
      const sick = await citizenWithPerson(app, '0977300004');
      registerStatusSource({
        name: 'venues.area.test',
        facts: async (_q, personId) =>
          personId === sick.personId ? [{ source: 'case', kind: 'f0_active', at: nowIso(-3_600_000) }] : [],
      });
      const { token } = await newPersonToken(db, sick.personId, 'C');
      const near = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const far = await signInAs(app, db, { role: 'commune_officer', unitCode: '26734' });
      const inArea = await call('POST', '/api/scan/resolve', near.headers, { code: token });
      assert.equal(inArea.json().colour, 'red');
      assert.ok(inArea.json().reasons.length > 0, 'the officer of the area reads why');
      const outside = await call('POST', '/api/scan/resolve', far.headers, { code: token });
      assert.equal(outside.statusCode, 200, outside.body);
      assert.equal(outside.json().colour, 'red');
      assert.equal(outside.json().person.masked, true);
      assert.deepEqual(outside.json().reasons, []);
    });
  });
}
