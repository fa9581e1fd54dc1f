import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DeliveryReportBody,
  DeliveryReportHeaders,
  InboxList,
  InboxQuery,
} from '@phongdich/contracts/outbox';
import { Type } from 'typebox';
import type { Config } from '../../core/config';
import type { Db } from '../../core/db/db';
import { authorize } from '../../core/auth/policy';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../core/errors';
import { latestMessages, recordDelivery } from './outbox.repository';
import { drainOutbox, type OutboxDispatcher } from './outbox';
import { DevTransport, maskRecipient, type Transport } from './transport';
import { DELIVERY_REPORT_PATH, HttpSmsTransport } from './http-sms-transport';
import { requestContext } from '../../core/http/request-audit';

declare module 'fastify' {
  interface FastifyInstance {
    /** The message dispatcher: `kick()` after queuing a message someone is waiting for. */
    outbox: OutboxDispatcher;
  }
}

function transportFor(config: Config, app: FastifyInstance): Transport {
  switch (config.messageTransport) {
    case 'dev':
      return new DevTransport(app.log);
    case 'http':
      if (!config.sms) throw new Error('the http transport needs its SMS gateway settings');
      return new HttpSmsTransport(config.sms, new URL(DELIVERY_REPORT_PATH, config.publicUrl).href, app.log);
  }
}

/** Gateway statuses, as gateways spell them, to the two outcomes kept. */
const DELIVERED = new Set(['delivered', 'delivrd', 'success']);
const UNDELIVERED = new Set(['undelivered', 'undeliv', 'failed', 'rejected', 'expired', 'error']);

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Starts the message dispatcher for the app's lifetime and, with the dev transport outside production,
 * serves the development inbox where one-time codes can be read.
 */
export function outboxRoutes(root: FastifyInstance, db: Db, config: Config): void {
  // The outbox stays on the root (sign-in kicks its dispatcher through `app.outbox`).
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const transport = transportFor(config, app);
  // No lock: messages are claimed with `skip locked`, so servers share the work.
  const job = app.jobs.add({ name: 'outbox', everyMs: 2000, run: () => drainOutbox(db, transport) });
  app.decorate('outbox', { kick: job.runNow } satisfies OutboxDispatcher);

  const sms = config.sms;
  if (sms)
    app.post(
      DELIVERY_REPORT_PATH,
      {
        config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: {
          tags: ['outbox'],
          summary: 'The SMS gateway reports whether a message reached the phone',
          headers: DeliveryReportHeaders,
          body: DeliveryReportBody,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        if (!sameSecret(request.headers['x-report-token'], sms.reportToken))
          throw new AppError('DELIVERY_REPORT_REFUSED');
        const { id, status } = request.body;
        const s = status.toLowerCase();
        const outcome = DELIVERED.has(s) ? 'delivered' : UNDELIVERED.has(s) ? 'undelivered' : null;
        // An interim status (queued, sent to carrier…) changes nothing: 'accepted' already says so.
        if (outcome && !(await recordDeliverySoon(db, id, outcome))) throw new AppError('NOT_FOUND');
        return reply.status(204).send(null);
      },
    );

  if (!transport.keepsInbox || config.production) return;

  app.get(
    '/api/dev/inbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Development inbox: messages the dev transport "sent" (OTP codes included)',
        querystring: InboxQuery,
        response: { 200: InboxList },
      },
    },
    async (request) => {
      authorize(requestContext(request).actor, 'outbox.readDevInbox');
      const { limit } = request.query;
      const rows = await latestMessages(db, limit ?? 20);
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          to: maskRecipient(r.channel, r.recipient),
          subject: r.subject,
          body: r.body,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
}

/**
 * A gateway may report delivery before the send that got its id has stored that id (it answers the
 * send, then posts the report at once; our `markSent` commits a moment later). Such a report is not
 * for an unknown message: look again for about a second before answering 404, so it is not lost.
 */
async function recordDeliverySoon(
  db: Db,
  providerMessageId: string,
  outcome: 'delivered' | 'undelivered',
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    if (await recordDelivery(db, providerMessageId, outcome)) return true;
    if (attempt === 5) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
