import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit';

/** Who is asking, from where, in which request: what every audited service call needs. */
export const auditContext = (request: FastifyRequest): AuditContext => ({
  actor: request.actor,
  ip: request.ip,
  requestId: request.id,
});

/** The client's Idempotency-Key header, when it sent a non-empty one. */
export const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key ? key : undefined;
};
