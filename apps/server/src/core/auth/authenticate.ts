import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { Db } from '../db/db';
import { AppError } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import { actorForToken } from './sessions';
import { SESSION_COOKIE } from './tokens';
import { assertSameOrigin } from './same-origin';

function setActor(request: FastifyRequest, actor: Actor): void {
  request.actor = actor;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new AppError('TOKEN_INVALID');
  return m[1];
}

/**
 * Cookies, rate limiting (opt-in per route with `config.rateLimit`) and the hook that turns a session
 * cookie or a Bearer token (session token or `pdt_…` API token) into `request.actor`.
 * A bad Bearer token is refused outright; a stale cookie just leaves the request anonymous.
 * State-changing requests that carry the session cookie must come from this site (same-origin.ts).
 */
export async function registerAuthentication(app: FastifyInstance, db: Db, publicUrl: string): Promise<void> {
  const publicOrigin = new URL(publicUrl).origin;
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (request) => {
    setActor(request, ANONYMOUS);
    if (!request.url.startsWith('/api/')) return; // static files of the web app need no actor
    assertSameOrigin(request, publicOrigin);
    const bearer = bearerToken(request);
    if (bearer) {
      const actor = await actorForToken(db, bearer);
      if (!actor) throw new AppError('TOKEN_INVALID');
      setActor(request, actor);
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (sessionToken) setActor(request, (await actorForToken(db, sessionToken)) ?? ANONYMOUS);
  });
}
