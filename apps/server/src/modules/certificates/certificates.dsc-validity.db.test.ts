import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { encodeHcert, fromBase64, readSignerCertificate } from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { withKeysSecret } from '../../core/crypto/keys-secret';
import type { Db } from '../../core/db/db';
import { publicKeys, renewExpiringSigner, signingKey, type SigningKey } from '../keys';
import { newUvci, testCertificatePayload } from './certificates.payload';
import { verifyCertificate } from './certificates.verify';

const DAY = 864e5;

/** A test certificate signed with `key` that itself runs until `expiresAt`. */
function certificate(key: SigningKey, issuedAt: Date, expiresAt: Date): Promise<string> {
  const payload = testCertificatePayload(
    {
      fullName: 'Nguyễn Văn Ký',
      birthDate: '1980-02-03',
      birthYear: 1980,
      testType: 'rt_pcr',
      result: 'negative',
      kit: null,
      collectedAt: issuedAt,
      labName: 'Phòng xét nghiệm',
    },
    newUvci(),
  );
  return encodeHcert({
    payload,
    issuer: 'VN',
    issuedAt,
    expiresAt,
    kid: key.kidBytes,
    privateKey: key.privateKey,
  });
}

async function activeDsc(db: Db) {
  const active = (await publicKeys(db, 'dcc')).find((k) => k.status === 'active')!;
  return { kid: active.kid, ...readSignerCertificate(fromBase64(active.certificate!)) };
}

for (const target of dbTargets()) {
  describe(`document-signer certificate validity (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = withKeysSecret(await target.open(), testConfig().secret);
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a certificate signed by a DSC outside its validity does not verify, however long it runs itself', async () => {
      const key = await signingKey(db, 'dcc');
      const dsc = await activeDsc(db);
      const now = new Date();
      const hc1 = await certificate(key, now, new Date(dsc.notAfter.getTime() + 400 * DAY));
      assert.equal((await verifyCertificate(db, hc1, new Date(now.getTime() + DAY))).valid, true);
      const after = await verifyCertificate(db, hc1, new Date(dsc.notAfter.getTime() + DAY));
      assert.equal(after.reason, 'SIGNER_EXPIRED');
      assert.equal(after.message.en, "The signer's certificate is outside its validity period");
      const early = await verifyCertificate(db, hc1, new Date(dsc.notBefore.getTime() - DAY));
      assert.equal(early.reason, 'SIGNER_EXPIRED');
      // Offline verifiers get the same period with the signer.
      const list = await app.inject({ method: 'GET', url: '/api/keys/dcc/signers' });
      const own = (list.json() as { signers: { kid: string; notAfter?: string }[] }).signers.find(
        (s) => s.kid === dsc.kid,
      );
      assert.equal(own?.notAfter, dsc.notAfter.toISOString());
    });

    it('our signer is replaced before its DSC ends; what the old one signed still verifies', async () => {
      const old = await signingKey(db, 'dcc');
      const dsc = await activeDsc(db);
      const now = new Date();
      const signed = await certificate(old, now, new Date(now.getTime() + 365 * DAY));
      assert.equal(await renewExpiringSigner(db, now), false, 'a fresh DSC is kept');
      // Less than a certificate's year (and the month to spare) left on the DSC: a new key and DSC.
      assert.equal(await renewExpiringSigner(db, new Date(dsc.notAfter.getTime() - 300 * DAY)), true);
      const renewed = await activeDsc(db);
      assert.notEqual(renewed.kid, dsc.kid);
      assert.ok(renewed.notAfter.getTime() - now.getTime() > 395 * DAY);
      assert.equal((await signingKey(db, 'dcc')).kid, renewed.kid, 'new certificates use the new key');
      assert.equal(await renewExpiringSigner(db, now), false, 'once');
      // One audit entry per renewal, as the renewal job's machine actor, naming both keys.
      const audits = await db.query<{ actor_account_id: string; details: Record<string, unknown> }>(
        `select actor_account_id, details from audit_log where action = 'keys.renew' order by id`,
      );
      assert.deepEqual(
        audits.map((a) => [a.actor_account_id, a.details.purpose, a.details.kid, a.details.retiredKid]),
        [['system:dcc-signer-renewal', 'dcc', renewed.kid, dsc.kid]],
      );
      const keys = await publicKeys(db, 'dcc');
      assert.equal(keys.find((k) => k.kid === dsc.kid)?.status, 'retired');
      assert.equal((await verifyCertificate(db, signed, new Date(now.getTime() + DAY))).valid, true);
    });
  });
}
