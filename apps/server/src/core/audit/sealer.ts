import type { Db } from '../db/db';
import type { Scheduler } from '../jobs/scheduler';
import { auditKeysOf } from './audit-keys';
import { AuditChainBroken, chainTop, sealAudit } from './audit';
import type { ChainHead, HeadStore } from './heads';

/**
 * Signs the chain's current head into the heads directory, unless it is the head published last.
 * The newest link is checked with the chain key first, so only a link the application made is ever
 * signed; a chain shorter than the last head published is not signed over but reported.
 */
export async function publishHead(db: Db, heads: HeadStore, now = new Date()): Promise<ChainHead | null> {
  const top = await chainTop(db, auditKeysOf(db));
  if (!top) return null;
  const seq = Number(top.seal_seq);
  const last = heads.latest();
  if (last && last.sealSeq > seq)
    throw new AuditChainBroken(
      null,
      `audit chain is shorter (${seq}) than its last published head (${last.sealSeq})`,
    );
  if (last && last.sealSeq === seq && last.chainHash === top.hash) return null;
  return heads.append({ sealSeq: seq, chainHash: top.hash!, count: seq, time: now.toISOString() });
}

/** Seals what has committed, then publishes a head: what verification and the close hook do. */
export async function sealAndPublish(db: Db, heads: HeadStore): Promise<void> {
  await sealAudit(db, { wait: true });
  await publishHead(db, heads);
}

/**
 * Seals new audit entries into the chain every `everyMs` while the server runs and publishes a
 * signed head every `headEveryMs` (when the chain moved), and both once more on close, so nothing
 * this server wrote is left unsealed or unpublished. Any server may seal; they take turns.
 */
export function scheduleAuditSealing(
  jobs: Scheduler,
  db: Db,
  heads: HeadStore,
  { everyMs = 1000, headEveryMs = 10_000 }: { everyMs?: number; headEveryMs?: number } = {},
): void {
  let lastHeadAt = 0;
  // No scheduler lock: sealAudit takes its own (and skips when another server holds it), so servers
  // take turns. Failures are logged once per streak: a broken chain would otherwise log every second.
  jobs.add({
    name: 'audit-sealing',
    everyMs,
    run: async () => {
      await sealAudit(db);
      if (Date.now() - lastHeadAt >= headEveryMs) {
        lastHeadAt = Date.now();
        await publishHead(db, heads);
      }
    },
    final: () => sealAndPublish(db, heads),
  });
}
