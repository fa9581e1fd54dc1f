import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '@phongdich/domain';

export type Channel = 'sms' | 'notice';

export interface OutgoingMessage {
  id: string;
  channel: Channel;
  /** Normalised phone (+84…) for SMS; an account id or address for notices. */
  recipient: string;
  subject: string;
  body: string;
}

/**
 * Where messages leave the platform. An SMS gateway implements `send` (throwing to retry later);
 * `keepsInbox` says whether messages stay readable on the development inbox.
 */
export interface Transport {
  readonly name: string;
  readonly keepsInbox: boolean;
  send(message: OutgoingMessage): Promise<void>;
}

export function maskRecipient(channel: Channel, recipient: string): string {
  return channel === 'sms' ? maskPhone(recipient) : recipient.slice(0, 4) + '…';
}

/** Development: nothing leaves the machine; the message is logged (recipient masked) and kept for the inbox. */
export class DevTransport implements Transport {
  readonly name = 'dev';
  readonly keepsInbox = true;
  constructor(private readonly log?: FastifyBaseLogger) {}

  async send(m: OutgoingMessage): Promise<void> {
    this.log?.info(
      { messageId: m.id, channel: m.channel, to: maskRecipient(m.channel, m.recipient), body: m.body },
      'message sent',
    );
  }
}
