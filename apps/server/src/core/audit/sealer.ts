import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db';
import { sealAudit } from './audit';

/**
 * Seals new audit entries into the hash chain every `everyMs` while the server runs, and once more
 * on close so nothing this server wrote is left unsealed. Any server may seal; they take turns.
 */
export function scheduleAuditSealing(app: FastifyInstance, db: Db, everyMs = 1000): void {
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= sealAudit(db)
      .catch((err: Error) => app.log.error({ err: { message: err.message } }, 'audit sealing failed'))
      .finally(() => (running = null));
    return running;
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void run(), everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
    await sealAudit(db, { wait: true }).catch(() => undefined);
  });
}
