import type { Db, Queryable } from '../../core/db/db';
import { claimPending, insertMessage, markFailed, markSent } from './outbox.repository';
import { PermanentSendError, type Channel, type Transport } from './transport';

/** Queues a message in the caller's transaction: it is sent only if the change that caused it commits. */
export function sendMessage(
  tx: Queryable,
  m: { channel: Channel; to: string; subject: string; body: string },
): Promise<string> {
  return insertMessage(tx, { channel: m.channel, recipient: m.to, subject: m.subject, body: m.body });
}

const MAX_ATTEMPTS = 5;

/** One pass: claim a batch, send each, record the outcome. Returns how many were sent. */
export async function dispatchOutboxOnce(db: Db, transport: Transport, batch = 50): Promise<number> {
  const claimed = await db.transaction((tx) => claimPending(tx, batch));
  let sent = 0;
  for (const m of claimed) {
    try {
      const result = await transport.send(m);
      await markSent(db, m.id, result?.providerMessageId);
      sent++;
    } catch (err) {
      // A permanent refusal fails the message now; anything else is retried on a later pass.
      const max = err instanceof PermanentSendError ? 0 : MAX_ATTEMPTS;
      await markFailed(db, m.id, (err as Error).message, max);
    }
  }
  return sent;
}

export interface OutboxDispatcher {
  /** Run a pass now (after queuing a message that a person is waiting for). */
  kick(): Promise<void>;
}

/** Sends until nothing is pending (one scheduled job runs it; passes never overlap). */
export async function drainOutbox(db: Db, transport: Transport): Promise<void> {
  while ((await dispatchOutboxOnce(db, transport)) > 0);
}
