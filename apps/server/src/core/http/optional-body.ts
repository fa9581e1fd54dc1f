import type { FastifyRequest } from 'fastify';

/**
 * For an action whose body is optional (e.g. a release with an optional reason): a POST sent without
 * a body is validated as `{}`. Use as the route's `preValidation` hook.
 */
export async function optionalBody(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}
