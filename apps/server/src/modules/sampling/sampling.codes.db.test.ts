import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { newQrId, signQrToken } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { signingKey } from '../keys';
import { createLabels, createPerson, createSession, link, type Headers } from './sampling.fixtures';

/** The person is identified by what the sampler scans: the scanner module's resolver is reused. */
for (const target of dbTargets()) {
  describe(`sampling: identifying people by scanned codes (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let sampler: Headers;
    let sessionId: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      sessionId = (await createSession(app, officer, { poolSize: 10 })).id;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('links by a signed personal QR, refuses a forged one, and links by a CCCD chip QR', async () => {
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      const personId = await createPerson(db);
      const id = newQrId();
      const issuedAt = new Date(Date.now() - 60_000);
      await db.query(
        'insert into personal_qr_tokens (id, person_id, type, issued_at) values ($1, $2, $3, $4)',
        [id, personId, 'P', issuedAt],
      );
      const token = await signQrToken({ type: 'P', id, issuedAt }, await signingKey(db, 'qr'));
      const byQr = await link(app, sampler, { sessionId, barcode: tube!, code: token });
      assert.equal(byQr.statusCode, 200, byQr.body);
      assert.equal(byQr.json().personId, personId);

      const forged = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
      const refused = await link(app, sampler, { sessionId, barcode: tube!, code: forged });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'QR_INVALID');

      const chipOwner = await createPerson(db, { cccd: '001190123456', fullName: 'Bùi Văn Chíp' });
      const chip = '001190123456||Bùi Văn Chíp|01011990|Nam|Phúc Xá, Ba Đình, Hà Nội|01012021';
      const byChip = await link(app, sampler, { sessionId, barcode: tube!, code: chip });
      assert.equal(byChip.statusCode, 200, byChip.body);
      assert.equal(byChip.json().personId, chipOwner);
      assert.equal(byChip.json().tube.count, 2);
      const members = await db.query<{ n: number }>(
        'select count(*) as n from tube_members where barcode = $1',
        [tube!],
      );
      assert.equal(members[0]!.n, 2, 'the refused scan wrote nothing');
    });
  });
}
