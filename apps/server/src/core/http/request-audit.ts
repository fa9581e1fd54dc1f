import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { AuditContext } from '../audit/audit';

/**
 * Everything a route hands to a service about the request itself, read in one place: who is asking
 * (set by the authentication hook), from where, which request (the id in every error body and audit
 * entry), and the client's idempotency key for writes that may be retried. Routes take it from here
 * rather than reading request.actor / request.ip / headers themselves, so the rules (an empty key is
 * no key; a repeated header is no key) are the same for every module.
 */
export interface RequestContext {
  actor: Actor;
  ip: string;
  requestId: string;
  /** The client's Idempotency-Key header, when it sent exactly one non-empty value. */
  idempotencyKey: string | undefined;
  /** The part every audited service call takes (actor, ip, request id). */
  audit: AuditContext;
}

function idempotencyHeader(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key ? key : undefined;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const audit: AuditContext = { actor: request.actor, ip: request.ip, requestId: request.id };
  return {
    actor: request.actor,
    ip: request.ip,
    requestId: request.id,
    idempotencyKey: idempotencyHeader(request),
    audit,
  };
}

/** Who is asking, from where, in which request: what every audited service call needs. */
export const auditContext = (request: FastifyRequest): AuditContext => requestContext(request).audit;

/** The client's Idempotency-Key header, when it sent a non-empty one. */
export const idempotencyKeyOf = (request: FastifyRequest): string | undefined =>
  requestContext(request).idempotencyKey;
