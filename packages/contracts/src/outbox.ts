/**
 * The outbox's HTTP shapes: the SMS gateway's delivery reports and the development inbox. The one
 * source of truth for server and web.
 */
import { Type, type Static } from 'typebox';

export const DeliveryReportHeaders = Type.Object({
  'x-report-token': Type.Optional(Type.String({ maxLength: 200 })),
});
export const DeliveryReportBody = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  status: Type.String({ minLength: 1, maxLength: 40 }),
});

export const InboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) });

export const InboxMessageSchema = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('notice')]),
  to: Type.String({ description: 'Masked recipient, e.g. +84*****5678' }),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type InboxMessage = Static<typeof InboxMessageSchema>;
export const InboxList = Type.Object({ items: Type.Array(InboxMessageSchema) });
export type InboxList = Static<typeof InboxList>;
