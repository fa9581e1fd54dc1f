import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../core/config';
import type { Db } from '../core/db/db';
import { buildApp } from '../app';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), demo: false, ...overrides };
}

/** The real application on a real database, called with inject() (no network). */
export async function buildTestApp(db: Db, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  // Each test app publishes the heads of its own database, in a folder of its own.
  const auditHeadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-audit-heads-'));
  const app = await buildApp({ config: testConfig({ auditHeadsDir, ...overrides }), db });
  await app.ready();
  return app;
}
