import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { zlibSync } from 'fflate';
import {
  base45Decode,
  base45Encode,
  encodeHcert,
  generateSigningKeyPair,
  inflateStage,
} from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { failAuditOf } from '../../test-support/failing-audit';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { signingKey } from '../keys';
import { createPerson, createTube, labWithStaff } from '../lab/lab.fixtures';
import { newUvci, testCertificatePayload } from './certificates.payload';

const FACTS = {
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-05-17',
  birthYear: 1990,
  testType: 'rt_pcr' as const,
  result: 'negative' as const,
  kit: null,
  collectedAt: new Date('2021-09-01T08:00:00Z'),
  labName: 'CDC Hà Nội',
};

/** Flips one letter of the transliterated name inside the signed payload, keeping the structure. */
function alter(hc1: string): string {
  const cose = Buffer.from(inflateStage(base45Decode(hc1.slice(4))));
  const at = cose.indexOf(Buffer.from('NGUYEN'));
  assert.ok(at > 0);
  cose[at + 5] = 'M'.charCodeAt(0);
  return 'HC1:' + base45Encode(zlibSync(cose));
}

for (const target of dbTargets()) {
  describe(`certificate verification and revocation (${target.name})`, () => {
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
    const verify = async (hc1: string) =>
      (await app.inject({ method: 'POST', url: '/api/certificates/verify', payload: { hc1 } })).json();
    const sign = async (opts: { issuedAt: Date; expiresAt: Date; foreignKey?: boolean }) => {
      const key = await signingKey(db, 'dcc');
      const foreign = opts.foreignKey ? await generateSigningKeyPair('ES256') : undefined;
      return encodeHcert({
        payload: testCertificatePayload(FACTS, newUvci()),
        issuer: 'VN',
        issuedAt: opts.issuedAt,
        expiresAt: opts.expiresAt,
        kid: foreign?.kid ?? key.kidBytes,
        privateKey: foreign?.privateKey ?? key.privateKey,
      });
    };
    const now = Date.now();

    it('accepts a genuine certificate and rejects an altered one, an unknown key, an expired one, garbage', async () => {
      const good = await sign({ issuedAt: new Date(now - 864e5), expiresAt: new Date(now + 864e5) });
      const ok = await verify(good);
      assert.equal(ok.valid, true);
      assert.deepEqual(ok.message, { vi: 'Chứng nhận hợp lệ', en: 'Certificate is valid' });
      assert.equal(ok.certificate.dob, '1990-05-17');
      const altered = await verify(alter(good));
      assert.deepEqual([altered.valid, altered.reason], [false, 'BAD_SIGNATURE']);
      assert.equal(altered.message.vi, 'Chữ ký không hợp lệ');
      const unknown = await verify(
        await sign({ issuedAt: new Date(now - 864e5), expiresAt: new Date(now + 864e5), foreignKey: true }),
      );
      assert.equal(unknown.reason, 'UNKNOWN_KEY');
      const expired = await verify(
        await sign({ issuedAt: new Date(now - 10 * 864e5), expiresAt: new Date(now - 864e5) }),
      );
      assert.equal(expired.reason, 'EXPIRED');
      assert.equal((await verify('HC1:NOT*BASE45')).reason, 'BAD_BASE45');
      assert.equal((await verify('hello')).reason, 'BAD_PREFIX');
      assert.equal(
        (await verify('HC1:' + base45Encode(new Uint8Array([1, 2, 3])))).reason,
        'BAD_COMPRESSION',
      );
    });

    it('a revoked certificate is rejected; only national admins and province officers may revoke', async () => {
      const { labId, tech, supervisor: sup } = await labWithStaff(app, db);
      const personId = await createPerson(db);
      const barcode = await createTube(db, { labId, members: [personId] });
      await app.inject({
        method: 'POST',
        url: '/api/lab/results',
        headers: tech,
        payload: { barcode, result: 'negative' },
      });
      await app.inject({
        method: 'POST',
        url: '/api/lab/results/verify',
        headers: sup,
        payload: { barcodes: [barcode] },
      });
      const [cert] = await db.query<{ hc1: string; uvci: string }>(
        'select hc1, uvci from test_certificates where person_id = $1',
        [personId],
      );
      assert.equal((await verify(cert!.hc1)).valid, true);
      const url = `/api/certificates/${encodeURIComponent(cert!.uvci)}/revoke`;
      const payload = { reason: 'Cấp nhầm người' };
      const commune = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      assert.equal((await app.inject({ method: 'POST', url, headers: commune, payload })).statusCode, 403);
      const province = (await signInAs(app, db, { role: 'province_officer', unitCode: '01' })).headers;
      // The revocation and its audit entry are one transaction: an audit that cannot be written
      // leaves the certificate in force.
      const restore = await failAuditOf(db, 'certificate.revoke');
      try {
        const unaudited = await app.inject({ method: 'POST', url, headers: province, payload });
        assert.equal(unaudited.statusCode, 500, unaudited.body);
      } finally {
        await restore();
      }
      assert.equal((await verify(cert!.hc1)).valid, true, 'still in force');
      assert.deepEqual(
        await db.query("select 1 from revocations where type = 'DCC' and id = $1", [cert!.uvci]),
        [],
      );
      const revoked = await app.inject({ method: 'POST', url, headers: province, payload });
      assert.equal(revoked.statusCode, 200, revoked.body);
      const after = await verify(cert!.hc1);
      assert.deepEqual([after.valid, after.reason], [false, 'REVOKED']);
      assert.equal(after.message.en, 'Certificate has been revoked');
      const missing = await app.inject({
        method: 'POST',
        url: `/api/certificates/${encodeURIComponent('URN:UVCI:01:VN:NOPE#A')}/revoke`,
        headers: province,
        payload,
      });
      assert.equal(missing.json().error.code, 'CERTIFICATE_NOT_FOUND');
    });
  });
}
