import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config';

/** Serves the built React app; unknown non-API paths fall back to index.html for client routing. */
export async function registerWebApp(app: FastifyInstance, config: Pick<Config, 'webDist'>): Promise<void> {
  const index = path.join(config.webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn('web app not built (npm run build:web); serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: config.webDist,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/docs')) {
      return reply.callNotFound();
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
