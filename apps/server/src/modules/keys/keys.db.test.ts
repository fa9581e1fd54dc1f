import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { signQrToken, verifyQrToken } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { ctx, staff } from '../people/people.fixtures';
import { publicKeys, rotateSigningKey, signingKey } from './keys.service';
import { isRevoked, reinstate, revoke } from './revocations';

for (const target of dbTargets()) {
  describe(`signing keys and revocations (${target.name})`, () => {
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

    it('creates one active key per purpose on first use and reuses it', async () => {
      const a = await signingKey(db, 'qr');
      const b = await signingKey(db, 'qr');
      assert.equal(a.kid, b.kid);
      const stored = await db.query<{ private_key_enc: string }>(
        `select private_key_enc from signing_keys where purpose = 'qr'`,
      );
      assert.equal(stored.length, 1);
      assert.match(stored[0]!.private_key_enc, /^v1\./, 'private key is stored encrypted');
      assert.notEqual((await signingKey(db, 'dcc')).kid, a.kid);
    });

    it('rotation keeps old tokens verifiable with the published trust list', async () => {
      const old = await signingKey(db, 'qr');
      const token = await signQrToken({ type: 'V', id: crypto.randomUUID(), issuedAt: new Date() }, old);
      const rotated = await rotateSigningKey(db, ctx(staff('national_admin', null)), 'qr');
      assert.notEqual(rotated.kid, old.kid);
      assert.equal((await signingKey(db, 'qr')).kid, rotated.kid);
      const res = await app.inject({ method: 'GET', url: '/api/keys/qr' });
      assert.equal(res.statusCode, 200);
      const keys = res.json().keys as {
        kid: string;
        status: string;
        publicKeyJwk: Record<string, unknown>;
      }[];
      assert.deepEqual(keys.map((k) => k.status).sort(), ['active', 'retired']);
      const verified = await verifyQrToken(token, {
        keys: (kid) => keys.find((k) => k.kid === kid)?.publicKeyJwk as never,
        now: new Date(),
      });
      assert.equal(verified.ok, true);
      assert.equal((await publicKeys(db, 'qr')).length, 2);
    });

    it('only a national administrator may rotate', async () => {
      const officer = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
      const denied = await app.inject({
        method: 'POST',
        url: '/api/keys/dcc/rotate',
        headers: officer.headers,
      });
      assert.equal(denied.statusCode, 403);
      const admin = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const ok = await app.inject({ method: 'POST', url: '/api/keys/dcc/rotate', headers: admin.headers });
      assert.equal(ok.statusCode, 200);
      // Every rotation is audited (the service's own, with the new key's id), this one once.
      const audit = await db.query(
        `select 1 from audit_log where action = 'keys.rotate' and details->>'kid' = $1 and details->>'purpose' = 'dcc'`,
        [ok.json().kid],
      );
      assert.equal(audit.length, 1);
    });

    it('publishes revocations since a time, idempotently', async () => {
      const t0 = new Date(Date.now() - 1000).toISOString();
      await revoke(db, { type: 'V', id: 'venue-1', reason: 'suspended' });
      await revoke(db, { type: 'V', id: 'venue-1', reason: 'again' });
      assert.equal(await isRevoked(db, 'V', 'venue-1'), true);
      assert.equal(await isRevoked(db, 'P', 'venue-1'), false);
      const res = await app.inject({
        method: 'GET',
        url: `/api/keys/revocations?since=${encodeURIComponent(t0)}`,
      });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().items.map((i: { type: string; id: string }) => `${i.type}:${i.id}`),
        ['V:venue-1'],
      );
      const cursor = res.json().items.at(-1).changedAt as string;

      // Lifted: no longer revoked, absent from the full list, present in the changes since the cursor.
      await reinstate(db, 'V', 'venue-1');
      assert.equal(await isRevoked(db, 'V', 'venue-1'), false);
      const full = await app.inject({ method: 'GET', url: '/api/keys/revocations' });
      assert.ok(!full.json().items.some((i: { id: string }) => i.id === 'venue-1'));
      const changes = await app.inject({
        method: 'GET',
        url: `/api/keys/revocations?since=${encodeURIComponent(cursor)}`,
      });
      const [lifted] = changes.json().items;
      assert.equal(lifted.id, 'venue-1');
      assert.ok(lifted.reinstatedAt, 'the feed says it was lifted');

      // Revoked again: back in force and in the feed as a revocation.
      await revoke(db, { type: 'V', id: 'venue-1', reason: 'suspended again' });
      assert.equal(await isRevoked(db, 'V', 'venue-1'), true);
      const again = await app.inject({
        method: 'GET',
        url: `/api/keys/revocations?since=${encodeURIComponent(lifted.changedAt)}`,
      });
      assert.deepEqual(
        again.json().items.map((i: { id: string; reinstatedAt: string | null }) => [i.id, i.reinstatedAt]),
        [['venue-1', null]],
      );

      const bad = await app.inject({ method: 'GET', url: '/api/keys/revocations?since=yesterday' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    });
  });
}
