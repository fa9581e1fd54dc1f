import type { Queryable } from '../../core/db/db';
import type { Channel, OutgoingMessage } from './transport';

export async function insertMessage(
  q: Queryable,
  m: { channel: Channel; recipient: string; subject: string; body: string },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    'insert into outbox_messages (channel, recipient, subject, body) values ($1,$2,$3,$4) returning id',
    [m.channel, m.recipient, m.subject, m.body],
  );
  return rows[0]!.id;
}

/** Claims pending messages; `skip locked` lets several dispatchers share the table without doubles. */
export function claimPending(q: Queryable, limit: number): Promise<OutgoingMessage[]> {
  return q.query<OutgoingMessage>(
    `update outbox_messages set status = 'sending', attempts = attempts + 1
     where id in (select id from outbox_messages where status = 'pending'
                  order by created_at limit $1 for update skip locked)
     returning id, channel, recipient, subject, body`,
    [limit],
  );
}

/** Sent: with a gateway's own id, the message waits for its delivery report ('accepted'). */
export async function markSent(q: Queryable, id: string, providerMessageId?: string): Promise<void> {
  await q.query(
    `update outbox_messages set status = 'sent', sent_at = now(), last_error = null,
       provider_message_id = $2,
       delivery_status = case when $2::text is null then null else 'accepted' end,
       delivery_updated_at = case when $2::text is null then null else now() end
     where id = $1`,
    [id, providerMessageId ?? null],
  );
}

/** A gateway's delivery report; false when no message has that gateway id. */
export async function recordDelivery(
  q: Queryable,
  providerMessageId: string,
  status: 'delivered' | 'undelivered',
): Promise<boolean> {
  const rows = await q.query(
    `update outbox_messages set delivery_status = $2, delivery_updated_at = now()
     where provider_message_id = $1 returning id`,
    [providerMessageId, status],
  );
  return rows.length > 0;
}

/** A failed send goes back to pending until `maxAttempts`, then stays failed for an operator to see. */
export async function markFailed(
  q: Queryable,
  id: string,
  error: string,
  maxAttempts: number,
): Promise<void> {
  await q.query(
    `update outbox_messages set last_error = $2,
       status = case when attempts >= $3 then 'failed' else 'pending' end where id = $1`,
    [id, error.slice(0, 500), maxAttempts],
  );
}

export interface InboxRow {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  created_at: Date;
}

export function latestMessages(q: Queryable, limit: number): Promise<InboxRow[]> {
  return q.query<InboxRow>(
    'select id, channel, recipient, subject, body, created_at from outbox_messages order by created_at desc, id limit $1',
    [limit],
  );
}
