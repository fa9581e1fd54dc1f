import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { generateQrSigningKey, newQrId, signQrToken } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { signingKey } from '../keys';
import { cccdFor, input } from '../people/people.fixtures';

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

for (const target of dbTargets()) {
  describe(`the one scanner (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: { headers: { cookie: string } };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const resolve = (code: string, headers = officer.headers, venueId?: string) =>
      app.inject({ method: 'POST', url: '/api/scan/resolve', headers, payload: { code, venueId } });

    async function newPerson(overrides = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: officer.headers,
        payload: input(overrides),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    }

    async function personToken(personId: string, type: 'P' | 'C', expiresAt?: Date) {
      const id = newQrId();
      const issuedAt = new Date(Date.now() - 3_600_000);
      await db.query(
        'insert into personal_qr_tokens (id, person_id, type, issued_at) values ($1, $2, $3, $4)',
        [id, personId, type, issuedAt],
      );
      return { id, token: await signQrToken({ type, id, issuedAt, expiresAt }, await signingKey(db, 'qr')) };
    }

    it('resolves personal and printed codes to the person with the colour', async () => {
      const personId = await newPerson({ fullName: 'Phạm Văn Quét' });
      const p = await resolve((await personToken(personId, 'P')).token);
      assert.equal(p.statusCode, 200, p.body);
      assert.equal(p.json().kind, 'person');
      assert.equal(p.json().person.id, personId);
      assert.equal(p.json().person.fullName, 'Phạm Văn Quét');
      assert.equal(p.json().method, 'personal_qr');
      assert.equal(p.json().colour, 'green');
      assert.equal(p.json().created, false);
      const c = await resolve(`${(await personToken(personId, 'C')).token}\r\n`);
      assert.equal(c.json().method, 'printed_qr');
      // Outside the officer's jurisdiction the person is shown masked.
      const far = await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' });
      const masked = await resolve((await personToken(personId, 'C')).token, far.headers);
      assert.equal(masked.json().person.masked, true);
      assert.notEqual(masked.json().person.fullName, 'Phạm Văn Quét');
    });

    it('refuses forged, foreign-key, expired and revoked codes', async () => {
      const personId = await newPerson({ fullName: 'Võ Thị Giả' });
      const good = await personToken(personId, 'P');
      const last = good.token.at(-2) === 'A' ? 'B' : 'A';
      const forged = `${good.token.slice(0, -2)}${last}${good.token.at(-1)}`;
      const reasonOf = async (code: string) => {
        const res = await resolve(code);
        assert.equal(res.statusCode, 422, res.body);
        assert.equal(res.json().error.code, 'QR_INVALID');
        return res.json().error.details[0].code as string;
      };
      assert.equal(await reasonOf(forged), 'BAD_SIGNATURE');
      const foreign = await signQrToken(
        { type: 'P', id: good.id, issuedAt: new Date() },
        await generateQrSigningKey(),
      );
      assert.equal(await reasonOf(foreign), 'UNKNOWN_KEY');
      const expired = await personToken(personId, 'C', new Date(Date.now() - 1_200_000));
      assert.equal(await reasonOf(expired.token), 'EXPIRED');
      const card = await personToken(personId, 'C');
      const revoke = await app.inject({
        method: 'POST',
        url: `/api/qr-cards/${card.id}/revoke`,
        headers: officer.headers,
        payload: { reason: 'mất thẻ' },
      });
      assert.equal(revoke.statusCode, 200, revoke.body);
      assert.equal(await reasonOf(card.token), 'REVOKED');
      const list = await app.inject({ method: 'GET', url: '/api/keys/revocations' });
      assert.ok(list.json().items.some((r: { id: string }) => r.id === card.id));
    });

    it('registers an unknown CCCD holder once, then matches them', async () => {
      const cccd = cccdFor(1988, 'female');
      const qr = `${cccd}|012345678|Đỗ Thị Chíp|05061988|Nữ|Số 9 Hàng Bạc, Hoàn Kiếm, Hà Nội|01012022`;
      const first = await resolve(qr);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().created, true);
      assert.equal(first.json().method, 'cccd');
      assert.equal(first.json().communeAssumed, true);
      const second = await resolve(qr);
      assert.equal(second.json().created, false);
      assert.equal(second.json().person.id, first.json().person.id);
      const rows = await db.query<{ commune_code: string; cmnd: string; birth_date: string; sex: string }>(
        'select commune_code, cmnd, birth_date, sex from persons where cccd = $1',
        [cccd],
      );
      assert.deepEqual(rows, [
        { commune_code: '00001', cmnd: '012345678', birth_date: '1988-06-05', sex: 'female' },
      ]);
      const audit = await db.query(
        `select 1 from audit_log where action = 'person.create' and person_id = $1`,
        [first.json().person.id],
      );
      assert.equal(audit.length, 1);
    });

    it('matches BHYT by number or by its social insurance part, creates from a card QR, else asks to search', async () => {
      const personId = await newPerson({ fullName: 'Bùi Văn Bảo', bhyt: 'DN4797912345678' });
      assert.equal((await resolve('DN4797912345678')).json().person.id, personId);
      assert.equal((await resolve('HS4017912345678')).json().person.id, personId, 'new card, same SIN');
      const missing = await resolve('DN4790000000001');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'PERSON_NOT_FOUND');
      assert.equal(missing.json().error.details[0].code, 'BHYT_NOT_REGISTERED');
      const card = `HS4010123400001|${hex('Lê Thị Hoa')}|07/09/2008|2|Hà Nội|01 - 123|01/01/2026|`;
      const made = await resolve(card);
      assert.equal(made.statusCode, 200, made.body);
      assert.equal(made.json().created, true);
      assert.equal((await resolve(card)).json().person.id, made.json().person.id);
    });

    it('classifies certificates and answers unknown codes clearly', async () => {
      const dcc = await resolve('HC1:6BFOXN%TS3DHPVO13J');
      assert.deepEqual(dcc.json(), { kind: 'certificate', raw: 'HC1:6BFOXN%TS3DHPVO13J' });
      const unknown = await resolve('xin chào');
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json().error.code, 'UNKNOWN_CODE');
      assert.match(unknown.json().error.details[0].message.vi, /Không nhận dạng được mã/);
      const badCccd = await resolve('001088012345|x|Tên|99999999|Nam|địa chỉ|01012022');
      assert.equal(badCccd.json().error.code, 'UNKNOWN_CODE');
    });

    it('lets only staff, or citizens staffing the chosen venue, scan (unknown visitors wait as pending identities)', async () => {
      const citizen = await signInCitizen(app, '0966000123');
      const res = await resolve('HC1:XYZ', citizen.headers);
      assert.equal(res.statusCode, 403);
      const anon = await app.inject({ method: 'POST', url: '/api/scan/resolve', payload: { code: 'x' } });
      assert.equal(anon.statusCode, 401);

      // The same citizen as staff of a venue (named by phone) scans a new visitor's CCCD there.
      const venue = await db.query<{ id: string }>(
        `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone, status)
         values ('shop', 'Tạp hoá Thử', 'tap hoa thu', '00004', '001', '01', '+84966000999', 'active') returning id`,
      );
      const venueId = venue[0]!.id;
      await db.query(`insert into venue_staff (venue_id, phone, role) values ($1, '+84966000123', 'staff')`, [
        venueId,
      ]);
      const cccd = cccdFor(1970, 'male');
      const qr = `${cccd}||Hồ Văn Khách|01011970|Nam|Thôn 2, xã Yên Bình|01012022`;
      const scanned = await resolve(qr, citizen.headers, venueId);
      assert.equal(scanned.statusCode, 200, scanned.body);
      assert.equal(scanned.json().created, false);
      assert.equal(scanned.json().pending, true);
      assert.equal(scanned.json().person.masked, true, 'venue staff see a masked name');
      assert.deepEqual(
        await db.query('select 1 from persons where cccd = $1', [cccd]),
        [],
        'no one registered',
      );
      const row = await db.query<{ commune_code: string; status: string }>(
        'select commune_code, status from pending_identities where cccd = $1',
        [cccd],
      );
      assert.deepEqual(row, [{ commune_code: '00004', status: 'pending' }], "waiting in the venue's commune");
    });
  });
}
