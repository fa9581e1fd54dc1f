// Document-signer certificates on key creation and rotation, our published trust list, the trust list
// of other issuers (import, list, remove, audit), and the verify API's in-memory trust and revocations.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  certificateSignedBy,
  encodeHcert,
  fromBase64,
  readSignerCertificate,
  toBase64,
} from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, SITE_ORIGIN } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { cscaCertificate } from './dsc';
import { foreignSigner, foreignVaccination } from './keys.fixtures';
import { publicKeys, signingKey } from './keys.service';
import { revoke } from './revocations';
import { refreshVerifierTrust } from './verifier-trust';

const b64 = (s: string) => Buffer.from(s).toString('base64');

for (const target of dbTargets()) {
  describe(`DCC signers and trust lists (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let admin: { cookie: string; origin: string };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const verify = async (hc1: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/certificates/verify',
          headers: { origin: SITE_ORIGIN },
          payload: { hc1 },
        })
      ).json();
    const importFile = (
      content: string | Uint8Array,
      headers: Record<string, string> = admin,
      source = 'EU gateway',
    ) =>
      app.inject({
        method: 'POST',
        url: '/api/trust-list/imports',
        headers,
        payload: { source, content: Buffer.from(content).toString('base64') },
      });

    it('a DCC key is made with a DSC signed by our CSCA; rotation gives the new key its own, atomically audited', async () => {
      const first = await signingKey(db, 'dcc');
      const [active] = await publicKeys(db, 'dcc');
      assert.ok(active?.certificate, 'the key has a certificate');
      const der = fromBase64(active.certificate);
      const read = readSignerCertificate(der);
      assert.equal(toBase64(read.spki), active.publicKeySpki, 'the certificate certifies this key');
      assert.deepEqual(read.allowedTypes.sort(), ['r', 't', 'v']);
      assert.equal(read.country, 'VN');
      const kid = createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
      assert.equal(active.kid, kid, 'kid = SHA-256 over the DSC');
      assert.equal(first.kid, kid);
      const csca = await cscaCertificate(db);
      assert.ok(csca && (await certificateSignedBy(der, fromBase64(csca))), 'signed by our CSCA');

      const res = await app.inject({ method: 'POST', url: '/api/keys/dcc/rotate', headers: admin });
      assert.equal(res.statusCode, 200, res.body);
      const rotated = res.json();
      assert.ok(rotated.certificate && rotated.certificate !== active.certificate);
      assert.ok(await certificateSignedBy(fromBase64(rotated.certificate), fromBase64(csca)), 'same CSCA');
      assert.equal((await signingKey(db, 'dcc')).kid, rotated.kid);

      const published = await app.inject({ method: 'GET', url: '/api/keys/dcc/trust-list' });
      assert.equal(published.statusCode, 200);
      const items = published.json().certificates as { kid: string; country: string; rawData: string }[];
      assert.deepEqual(
        items.map((i) => i.kid).sort(),
        [kid, rotated.kid].sort(),
        'both signers, in the EU gateway form',
      );
      assert.ok(items.every((i) => i.country === 'VN' && i.rawData.length > 100));

      // A certificate signed with the rotated key verifies; so does one signed before the rotation.
      const key = await signingKey(db, 'dcc');
      const hc1 = await encodeHcert({
        payload: foreignVaccination('VN', 'URN:UVCI:01:VN:ROTATEDKEYTEST0001#5'),
        issuer: 'VN',
        issuedAt: new Date(),
        expiresAt: new Date(Date.now() + 864e5),
        kid: key.kidBytes,
        privateKey: key.privateKey,
      });
      const ok = await verify(hc1);
      assert.equal(ok.valid, true, JSON.stringify(ok));
      assert.equal(ok.certificate.signer, 'own');
    });

    it('a certificate from another issuer is UNKNOWN_KEY until its signer is imported, valid after, and again refused once removed', async () => {
      const de = await foreignSigner('DE');
      const hc1 = await de.sign(foreignVaccination('DE', 'URN:UVCI:01:DE:FOREIGN0000000001#A'));
      const before = await verify(hc1);
      assert.equal(before.valid, false);
      assert.equal(before.reason, 'UNKNOWN_KEY');
      assert.match(before.message.vi, /khóa ký/);

      const res = await importFile(de.euJson());
      assert.equal(res.statusCode, 201, res.body);
      const answer = res.json();
      assert.equal(answer.format, 'eu-json');
      assert.equal(answer.imported, 1);
      assert.equal(answer.items[0].kid, de.kid);
      assert.equal(answer.items[0].country, 'DE');

      const after = await verify(hc1);
      assert.equal(after.valid, true, JSON.stringify(after));
      assert.equal(after.certificate.signer, 'imported');
      assert.equal(after.certificate.country, 'DE');
      assert.equal(after.certificate.type, 'vaccination');

      const again = await importFile(de.euJson());
      assert.equal(again.json().imported, 0, 'importing the same file again adds nothing');
      assert.equal(again.json().alreadyTrusted, 1);

      const list = await app.inject({ method: 'GET', url: '/api/trust-list', headers: admin });
      assert.equal(list.statusCode, 200);
      const entry = list.json().items.find((i: { kid: string }) => i.kid === de.kid);
      assert.equal(entry.source, 'EU gateway');
      assert.ok(entry.importedBy);
      assert.ok(entry.importedAt);
      const signers = await app.inject({ method: 'GET', url: '/api/keys/dcc/signers' });
      assert.ok(signers.json().signers.some((s: { kid: string; source: string }) => s.kid === de.kid));

      const removed = await app.inject({
        method: 'POST',
        url: `/api/trust-list/${entry.id}/remove`,
        headers: admin,
      });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal((await verify(hc1)).reason, 'UNKNOWN_KEY');
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where action like 'trustlist.%' order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['trustlist.import', 'trustlist.import', 'trustlist.remove'],
      );
    });

    it('PEM files; a signer allowed only test certificates may not sign a vaccination certificate', async () => {
      const fr = await foreignSigner('FR', ['t']);
      const res = await importFile(fr.pem(), admin, 'FR test-centre signers');
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().format, 'pem');
      assert.deepEqual(res.json().items[0].allowedTypes, ['t']);
      const refused = await verify(
        await fr.sign(foreignVaccination('FR', 'URN:UVCI:01:FR:TESTONLYSIGNER001#B')),
      );
      assert.equal(refused.valid, false);
      assert.equal(refused.reason, 'KEY_USAGE');
      assert.match(refused.message.en, /may not issue/);
    });

    it('bad files are refused whole with a stable code; only the national administrator may import', async () => {
      const garbage = await importFile('this is not a trust list');
      assert.equal(garbage.statusCode, 400);
      assert.equal(garbage.json().error.code, 'TRUST_LIST_INVALID');
      const good = await foreignSigner('IT');
      const mixed = await importFile(good.euJson([{ rawData: b64('not a certificate'), country: 'IT' }]));
      assert.equal(mixed.statusCode, 400);
      assert.equal(mixed.json().error.details[0].field, 'certificates[1]');
      const list = (await app.inject({ method: 'GET', url: '/api/trust-list', headers: admin })).json();
      assert.ok(!list.items.some((i: { kid: string }) => i.kid === good.kid), 'nothing of the file kept');

      const officer = (await signInAs(app, db, { role: 'province_officer', unitCode: '01' })).headers;
      assert.equal((await importFile(good.euJson(), officer)).statusCode, 403);
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/trust-list', headers: officer })).statusCode,
        403,
      );
      assert.equal(
        (
          await app.inject({
            method: 'POST',
            url: '/api/trust-list/imports',
            headers: { origin: SITE_ORIGIN },
            payload: { source: 'x', content: 'AAAA' },
          })
        ).statusCode,
        401,
      );
    });

    it('revocations: this server sees its own at once; another server’s arrive with the change-feed poll', async () => {
      const key = await signingKey(db, 'dcc');
      const sign = (ci: string) =>
        encodeHcert({
          payload: foreignVaccination('VN', ci),
          issuer: 'VN',
          issuedAt: new Date(),
          expiresAt: new Date(Date.now() + 864e5),
          kid: key.kidBytes,
          privateKey: key.privateKey,
        });
      const mine = 'URN:UVCI:01:VN:REVOKEDHERE00001#C';
      const hc1 = await sign(mine);
      assert.equal((await verify(hc1)).valid, true);
      await revoke(db, { type: 'DCC', id: mine, reason: 'test' });
      assert.equal((await verify(hc1)).reason, 'REVOKED');

      // Another server writes straight to the table: this one learns it from the feed.
      await new Promise((r) => setTimeout(r, 10_500)); // past the watch window of the revocation above
      const theirs = 'URN:UVCI:01:VN:REVOKEDTHERE0001#D';
      const other = await sign(theirs);
      assert.equal((await verify(other)).valid, true);
      await db.query(`insert into revocations (type, id, reason) values ('DCC', $1, 'elsewhere')`, [theirs]);
      // (Served from memory until a poll: the app's job polls every 5 s; the test polls now.)
      await refreshVerifierTrust(db);
      assert.equal((await verify(other)).reason, 'REVOKED');
      await db.query(`update revocations set reinstated_at = now(), changed_at = now() where id = $1`, [
        theirs,
      ]);
      await refreshVerifierTrust(db);
      assert.equal((await verify(other)).valid, true, 'a lifted revocation is lifted');
    });
  });
}
