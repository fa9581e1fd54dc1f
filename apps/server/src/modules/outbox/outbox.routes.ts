import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../core/config';
import type { Db } from '../../core/db/db';
import { authorize } from '../../core/auth/policy';
import { latestMessages } from './outbox.repository';
import { startOutboxDispatcher, type OutboxDispatcher } from './outbox';
import { DevTransport, maskRecipient, type Transport } from './transport';

declare module 'fastify' {
  interface FastifyInstance {
    /** The message dispatcher: `kick()` after queuing a message someone is waiting for. */
    outbox: OutboxDispatcher;
  }
}

const InboxItem = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('notice')]),
  to: Type.String({ description: 'Masked recipient, e.g. +84*****5678' }),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

function transportFor(config: Config, app: FastifyInstance): Transport {
  switch (config.messageTransport) {
    case 'dev':
      return new DevTransport(app.log);
  }
}

/**
 * Starts the message dispatcher for the app's lifetime and, with the dev transport outside production,
 * serves the development inbox where one-time codes can be read.
 */
export function outboxRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const transport = transportFor(config, app);
  const dispatcher = startOutboxDispatcher(db, transport, {
    onError: (err) => app.log.error({ err }, 'outbox dispatch failed'),
  });
  app.decorate('outbox', dispatcher);
  app.addHook('onClose', async () => dispatcher.stop());
  if (!transport.keepsInbox || config.production) return;

  app.get(
    '/api/dev/inbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Development inbox: messages the dev transport "sent" (OTP codes included)',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(InboxItem) }) },
      },
    },
    async (request) => {
      authorize(request.actor, 'outbox.readDevInbox');
      const { limit } = request.query as { limit?: number };
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
