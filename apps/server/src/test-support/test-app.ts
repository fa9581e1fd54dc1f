import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../core/config';
import type { Db } from '../core/db/db';
import { buildApp } from '../app';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), demo: false, ...overrides };
}

/** The real application on a real database, called with inject() (no network). */
export async function buildTestApp(db: Db, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), db });
  await app.ready();
  return app;
}
