import { randomUUID } from 'node:crypto';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { verifyQrToken, type EcJwk, type StatusFact } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { publicKeys } from '../keys';
import { registerStatusSource } from '../status';
import { input } from '../people/people.fixtures';

// A status source the test controls, so a fact can be added and the colour seen to change.
const facts = new Map<string, StatusFact[]>();
registerStatusSource({ name: 'test-personal-qr', facts: async (_q, id) => facts.get(id) ?? [] });

async function decode(db: Db, token: string) {
  const keys = new Map((await publicKeys(db, 'qr')).map((k) => [k.kid, k.publicKeyJwk as EcJwk]));
  const r = await verifyQrToken(token, { keys: (kid) => keys.get(kid), now: new Date() });
  assert.ok(r.ok, 'token verifies with the published keys');
  return r;
}

for (const target of dbTargets()) {
  describe(`personal QR and printed cards (${target.name})`, () => {
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

    it('issues my QR, reuses its id, and shows the current colour', async () => {
      const c = await signInCitizen(app, '0977000111');
      const none = await app.inject({ method: 'GET', url: '/api/me/qr', headers: c.headers });
      assert.equal(none.json().error.code, 'QR_NO_PERSON');
      const own = await app.inject({
        method: 'POST',
        url: '/api/me/person',
        headers: c.headers,
        payload: input({ fullName: 'Trần Thị Quý' }),
      });
      assert.equal(own.statusCode, 201, own.body);
      const personId = own.json().id as string;

      const first = await app.inject({ method: 'GET', url: '/api/me/qr', headers: c.headers });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().colour, 'green');
      assert.equal(first.json().personId, personId);
      const t1 = await decode(db, first.json().token);
      assert.equal(t1.type, 'P');
      assert.ok(t1.expiresAt && t1.expiresAt.getTime() > Date.now() + 29 * 86_400_000);

      facts.set(personId, [{ source: 'case', kind: 'f0_active', at: new Date().toISOString() }]);
      const second = await app.inject({ method: 'GET', url: '/api/me/qr', headers: c.headers });
      assert.equal(second.json().colour, 'red');
      assert.ok(second.json().reasons.length > 0);
      assert.equal((await decode(db, second.json().token)).id, t1.id, 'same opaque id reused');
      const rows = await db.query('select id from personal_qr_tokens where person_id = $1', [personId]);
      assert.equal(rows.length, 1);
    });

    it('gives a family member’s QR, never a stranger’s', async () => {
      const c = await signInCitizen(app, '0977000222');
      await app.inject({ method: 'POST', url: '/api/me/person', headers: c.headers, payload: input() });
      const child = await app.inject({
        method: 'POST',
        url: '/api/me/family',
        headers: c.headers,
        payload: {
          ...input({ fullName: 'Trần Bé Na', birthDate: '2016-01-02', sex: 'female' }),
          relation: 'con',
        },
      });
      assert.equal(child.statusCode, 201, child.body);
      const ok = await app.inject({
        method: 'GET',
        url: `/api/me/qr?personId=${child.json().id}`,
        headers: c.headers,
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().personId, child.json().id);
      const stranger = await signInCitizen(app, '0977000333');
      await app.inject({
        method: 'POST',
        url: '/api/me/person',
        headers: stranger.headers,
        payload: input(),
      });
      const no = await app.inject({
        method: 'GET',
        url: `/api/me/qr?personId=${child.json().id}`,
        headers: stranger.headers,
      });
      assert.equal(no.statusCode, 403);
    });

    it('a batch retried with its Idempotency-Key after a lost answer is the same batch, not a second one', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const p = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: officer.headers,
        payload: input({ fullName: 'Lê Văn Thử Lại', birthDate: '1961-01-01' }),
      });
      assert.equal(p.statusCode, 201, p.body);
      const headers = { ...officer.headers, 'idempotency-key': randomUUID() };
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/api/qr-cards/batches',
          headers,
          payload: { personIds: [p.json().id] },
        });
      const first = await send();
      const retry = await send();
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.json().id, first.json().id);
      const cards = await db.query<{ n: number }>(
        `select count(*)::int as n from personal_qr_tokens where person_id = $1 and type = 'C'`,
        [p.json().id],
      );
      assert.equal(cards[0]!.n, 1, 'one card, not two');
    });

    it('prints a batch of cards as an A4 PDF, 8 cards a page, within the officer’s commune', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) {
        const p = await app.inject({
          method: 'POST',
          url: '/api/people',
          headers: officer.headers,
          payload: input({ fullName: `Lê Văn Thẻ ${i}`, birthDate: `19${50 + i}-01-01` }),
        });
        assert.equal(p.statusCode, 201, p.body);
        ids.push(p.json().id);
      }
      const batch = await app.inject({
        method: 'POST',
        url: '/api/qr-cards/batches',
        headers: officer.headers,
        payload: { personIds: ids },
      });
      assert.equal(batch.statusCode, 201, batch.body);
      assert.equal(batch.json().cardCount, 9);
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/qr-cards/batches/${batch.json().id}/cards.pdf`,
        headers: officer.headers,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.match(pdf.rawPayload.toString('latin1'), /\/Type \/Pages\s*\/Count 2/);

      const everyone = await app.inject({
        method: 'POST',
        url: '/api/qr-cards/batches',
        headers: officer.headers,
        payload: { allWithoutAccount: true },
      });
      assert.equal(everyone.statusCode, 201, everyone.body);
      assert.ok(everyone.json().cardCount >= 9);

      const other = await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' });
      const denied = await app.inject({
        method: 'GET',
        url: `/api/qr-cards/batches/${batch.json().id}/cards.pdf`,
        headers: other.headers,
      });
      assert.equal(denied.statusCode, 403);
      const deniedCreate = await app.inject({
        method: 'POST',
        url: '/api/qr-cards/batches',
        headers: other.headers,
        payload: { personIds: ids.slice(0, 1) },
      });
      assert.equal(deniedCreate.statusCode, 403);
    });
  });
}
