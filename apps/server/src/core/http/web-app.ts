import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config';
import { AppError } from '../errors';
import { SESSION_COOKIE } from '../auth/tokens';

/** Built files whose names carry a content hash never change: a phone may keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page shell, manifest and service worker must be revalidated, or a release would never arrive. */
const REVALIDATE = 'no-cache';

export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * Which page answers a navigation. A venue poster's link opens /checkin, often on a phone that never
 * opened the app, on a slow network: with a session (the citizen signed in before), the light
 * check-in page (checkin.html: its HTML is usable at once, a few KB of script records the visit);
 * without one, the full app, which signs the citizen in first. The installed app's service worker
 * answers navigations itself, with the full app, before they reach here.
 */
export function pageFor(urlPath: string, cookies: Record<string, string | undefined>): string {
  return urlPath === '/checkin' && cookies[SESSION_COOKIE] ? 'checkin.html' : 'index.html';
}

/**
 * Serves the built React app; unknown non-API paths fall back to index.html for client routing.
 * Vite writes .br and .gz copies beside each file (vite.config.ts); they are sent to browsers that
 * accept them, so static files cost no compression work per request.
 */
export async function registerWebApp(app: FastifyInstance, config: Pick<Config, 'webDist'>): Promise<void> {
  const index = path.join(config.webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn('web app not built (npm run build:web); serving the API only');
    return;
  }
  const lightBuilt = fs.existsSync(path.join(config.webDist, 'checkin.html'));
  await app.register(fastifyStatic, {
    root: config.webDist,
    prefix: '/',
    wildcard: false,
    // '/' is served by the fallback below: with precompressed files the plugin's own index lookup
    // answers 404 to a browser that accepts brotli.
    index: false,
    preCompressed: true,
    cacheControl: false, // set below, per kind of file
    setHeaders: (res, filePath) => {
      const rel = '/' + path.relative(config.webDist, filePath).split(path.sep).join('/');
      res.setHeader('Cache-Control', cacheControlFor(rel));
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/docs')) {
      // A path segment too long for a route parameter lands here (the router falls back on this
      // catch-all rather than raising its own error): answer what the router would without it.
      const segments = request.url.split('?')[0]!.split('/');
      if (segments.some((s) => s.length > app.initialConfig.maxParamLength!))
        throw new AppError('URL_TOO_LONG');
      return reply.callNotFound();
    }
    reply.header('Cache-Control', REVALIDATE);
    // Which page depends on the cookie: a cache must not hand one visitor's choice to another.
    reply.header('Vary', 'Cookie');
    const page = pageFor(request.url.split('?')[0]!, request.cookies);
    return reply.type('text/html').sendFile(lightBuilt ? page : 'index.html');
  });
}
