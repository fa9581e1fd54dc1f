import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { encodeHcert } from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { DB_BASE, type Db } from '../../core/db/db';
import { revoke, signingKey, VERIFIER_TRUST_POLL_MS } from '../keys';
import { newUvci, testCertificatePayload } from './certificates.payload';

const FACTS = {
  fullName: 'Trần Thị Bình',
  birthDate: '1985-02-03',
  birthYear: 1985,
  testType: 'rt_pcr' as const,
  result: 'negative' as const,
  kit: null,
  collectedAt: new Date(),
  labName: 'CDC Hà Nội',
};
/** The bound: one poll of the change feeds, plus slack for the poll's read on a loaded test machine. */
const BOUND_MS = VERIFIER_TRUST_POLL_MS + 1500;

/**
 * Two servers on one database: each keeps the trust list and the revocations in its own memory. Server
 * B is the same database behind a handle of its own (DB_BASE), so it has its own memory — what a second
 * process has — and learns other servers' changes only from the change feeds it polls.
 */
for (const target of dbTargets()) {
  describe(`verification on two servers of one database (${target.name})`, () => {
    let db: Db;
    let a: FastifyInstance;
    let b: FastifyInstance;
    before(async () => {
      db = await target.open();
      a = await buildTestApp(db);
      b = await buildTestApp({ ...db, [DB_BASE]: {} } as Db);
    });
    after(async () => {
      await b.close();
      await a.close();
      await db.close();
    });
    const verify = async (app: FastifyInstance, hc1: string) =>
      (await app.inject({ method: 'POST', url: '/api/certificates/verify', payload: { hc1 } })).json() as {
        valid: boolean;
        reason?: string;
      };
    const sign = async (uvci: string) => {
      const key = await signingKey(db, 'dcc');
      return encodeHcert({
        payload: testCertificatePayload(FACTS, uvci),
        issuer: 'VN',
        issuedAt: new Date(),
        expiresAt: new Date(Date.now() + 864e5),
        kid: key.kidBytes,
        privateKey: key.privateKey,
      });
    };
    /** Milliseconds until server `app` refuses `hc1` as revoked (fails past twice the bound). */
    const untilRevoked = async (app: FastifyInstance, hc1: string) => {
      const start = Date.now();
      for (;;) {
        const answer = await verify(app, hc1);
        if (answer.reason === 'REVOKED') return Date.now() - start;
        assert.equal(answer.valid, true, JSON.stringify(answer));
        if (Date.now() - start > 2 * BOUND_MS) return Date.now() - start;
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    it("a revocation written by another server is refused here within one poll, from the poll's read alone", async () => {
      // Twice, so a poll that happens to fall just after the write cannot pass a slower interval.
      for (const n of [1, 2]) {
        const uvci = newUvci();
        const hc1 = await sign(uvci);
        assert.equal((await verify(b, hc1)).valid, true, 'valid before');
        // Written as another process writes it: nothing in this process hears of it.
        await db.query(`insert into revocations (type, id, reason) values ('DCC', $1, 'elsewhere')`, [uvci]);
        const ms = await untilRevoked(b, hc1);
        assert.ok(ms <= BOUND_MS, `revocation ${n} seen after ${ms} ms, bound ${BOUND_MS} ms`);
      }
    });

    it('a revocation on server A is refused by server B within the bound, and by A at once', async () => {
      const uvci = newUvci();
      const hc1 = await sign(uvci);
      assert.equal((await verify(a, hc1)).valid, true);
      assert.equal((await verify(b, hc1)).valid, true);
      await db.transaction((tx) => revoke(tx, { type: 'DCC', id: uvci, reason: 'Cấp nhầm người' }));
      assert.equal((await verify(a, hc1)).reason, 'REVOKED', 'the revoking server refuses it at once');
      const ms = await untilRevoked(b, hc1);
      assert.ok(ms <= BOUND_MS, `seen by B after ${ms} ms, bound ${BOUND_MS} ms`);
      // A lifted revocation is lifted on both, within the bound too.
      await db.query(`update revocations set reinstated_at = now(), changed_at = now() where id = $1`, [
        uvci,
      ]);
      const start = Date.now();
      while ((await verify(b, hc1)).valid !== true && Date.now() - start < 2 * BOUND_MS)
        await new Promise((r) => setTimeout(r, 50));
      assert.ok(Date.now() - start <= BOUND_MS, `lifted after ${Date.now() - start} ms`);
    });
  });
}
