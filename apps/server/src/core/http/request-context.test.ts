import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { Actor } from '../auth/actor';
import { auditContext, idempotencyKeyOf, requestContext } from './request-audit';

const OFFICER: Actor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'Cán bộ',
};

/** A bare Fastify app whose hook sets the actor as the authentication hook does, echoing the context. */
async function echo(headers: Record<string, string | string[]>) {
  const app = Fastify({ genReqId: () => 'req-42' });
  app.addHook('onRequest', async (request) => {
    request.actor = OFFICER;
  });
  app.post('/x', async (request) => {
    const ctx = requestContext(request);
    return {
      ctx,
      audit: auditContext(request),
      key: idempotencyKeyOf(request) ?? null,
    };
  });
  const res = await app.inject({ method: 'POST', url: '/x', headers, remoteAddress: '203.0.113.9' });
  await app.close();
  return res.json<{
    ctx: { actor: Actor; ip: string; requestId: string; idempotencyKey?: string; audit: unknown };
    audit: unknown;
    key: string | null;
  }>();
}

describe('request context: one reading of actor, ip, request id and idempotency key', () => {
  it('carries the actor, the ip, the request id and the key, and the audit part of them', async () => {
    const out = await echo({ 'idempotency-key': 'k-1' });
    assert.deepEqual(out.ctx.actor, OFFICER);
    assert.equal(out.ctx.ip, '203.0.113.9');
    assert.equal(out.ctx.requestId, 'req-42');
    assert.equal(out.ctx.idempotencyKey, 'k-1');
    const audit = { actor: OFFICER, ip: '203.0.113.9', requestId: 'req-42' };
    assert.deepEqual(out.ctx.audit, audit);
    assert.deepEqual(out.audit, audit, 'auditContext is the same reading');
    assert.equal(out.key, 'k-1', 'idempotencyKeyOf is the same reading');
  });

  it('an empty or missing Idempotency-Key is no key', async () => {
    assert.equal((await echo({ 'idempotency-key': '' })).key, null);
    assert.equal((await echo({})).key, null);
    assert.equal((await echo({})).ctx.idempotencyKey, undefined);
  });
});
