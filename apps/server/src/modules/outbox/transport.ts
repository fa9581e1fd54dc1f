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

/** What a gateway answered: its own id for the message, to match its later delivery report. */
export interface SendResult {
  providerMessageId?: string;
}

/** A refusal that no retry will change (a bad number, a rejected sender): the message fails at once. */
export class PermanentSendError extends Error {}

/**
 * Where messages leave the platform. An SMS gateway implements `send` (throwing to retry later,
 * PermanentSendError to give up); `keepsInbox` says whether messages stay readable on the
 * development inbox. Error messages are stored and logged: never put the message body in them.
 */
export interface Transport {
  readonly name: string;
  readonly keepsInbox: boolean;
  send(message: OutgoingMessage): Promise<SendResult | void>;
}

export function maskRecipient(channel: Channel, recipient: string): string {
  return channel === 'sms' ? maskPhone(recipient) : recipient.slice(0, 4) + '…';
}

/**
 * Development: nothing leaves the machine; the message is kept for the development inbox, the one
 * place to read it. The log says only that it was kept (recipient masked): no body, no code.
 */
export class DevTransport implements Transport {
  readonly name = 'dev';
  readonly keepsInbox = true;
  constructor(private readonly log?: FastifyBaseLogger) {}

  async send(m: OutgoingMessage): Promise<void> {
    this.log?.info(
      { messageId: m.id, channel: m.channel, to: maskRecipient(m.channel, m.recipient) },
      'message kept in the development inbox',
    );
  }
}
