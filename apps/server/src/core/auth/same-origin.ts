import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { SESSION_COOKIE } from './tokens';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery: a browser attaches the session cookie to a form or upload posted from
 * any site (SameSite=Lax lets top-level POSTs through in some browsers and all same-site subdomains).
 * A state-changing request that rides on the session cookie must therefore come from this site:
 * its Origin (or, when a browser sends none, its Referer) is the public URL or the Host it was sent
 * to. API clients authenticate with a Bearer token, which no other site can attach, and are exempt.
 */
export function assertSameOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (!STATE_CHANGING.has(request.method)) return;
  if (request.headers.authorization || !request.cookies[SESSION_COOKIE]) return;
  const source = request.headers.origin
    ? originOf(request.headers.origin)
    : originOf(request.headers.referer);
  if (source && (source === publicOrigin || new URL(source).host === request.headers.host)) return;
  throw new AppError('ORIGIN_REFUSED', undefined, `cross-site ${request.method}`);
}
