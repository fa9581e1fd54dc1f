import type { FastifyBaseLogger } from 'fastify';
import type { SmsGatewayConfig } from '../../core/config';
import {
  maskRecipient,
  PermanentSendError,
  type OutgoingMessage,
  type SendResult,
  type Transport,
} from './transport';

/** Path where the gateway posts delivery reports (see outbox.routes.ts). */
export const DELIVERY_REPORT_PATH = '/api/outbox/delivery-reports';

/** Tries within one dispatch pass before the message goes back to the outbox for a later pass. */
const TRIES = 3;
const BACKOFF_MS = [250, 1000];

/**
 * An HTTP SMS gateway. Each message is one POST of JSON
 * `{ to, from, text, reference, callbackUrl }` with `Authorization: Bearer <token>` and
 * `Idempotency-Key: <message id>`, so a retry after a lost answer is not sent twice by a gateway
 * that honours the key. A 2xx answer `{ id }` names the gateway's message; the gateway later POSTs
 * `{ id, status }` to `callbackUrl` with the `X-Report-Token` header. Network errors, timeouts,
 * 408, 429 and 5xx are retried (here, then on later outbox passes); other 4xx are permanent.
 * Nothing about the body is logged or kept in errors: it holds the one-time code.
 */
export class HttpSmsTransport implements Transport {
  readonly name = 'http';
  readonly keepsInbox = false;

  constructor(
    private readonly gateway: SmsGatewayConfig,
    private readonly callbackUrl: string,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async send(m: OutgoingMessage): Promise<SendResult | void> {
    // Notices go to an account, not a phone: an SMS gateway cannot carry them (failed, for an operator).
    if (m.channel !== 'sms') throw new PermanentSendError('the SMS gateway carries SMS only');
    let last: Error = new Error('not sent');
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      try {
        const result = await this.post(m);
        this.log?.info(
          {
            messageId: m.id,
            to: maskRecipient(m.channel, m.recipient),
            gatewayId: result.providerMessageId,
            attempt,
          },
          'SMS handed to the gateway',
        );
        return result;
      } catch (err) {
        if (err instanceof PermanentSendError) throw err;
        last = err as Error;
        this.log?.warn({ messageId: m.id, attempt, error: last.message }, 'SMS gateway attempt failed');
        if (attempt < TRIES) await new Promise((r) => setTimeout(r, BACKOFF_MS[attempt - 1]));
      }
    }
    throw last;
  }

  private async post(m: OutgoingMessage): Promise<SendResult> {
    let res: Response;
    try {
      res = await fetch(this.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.gateway.token}`,
          'idempotency-key': m.id,
        },
        body: JSON.stringify({
          to: m.recipient,
          from: this.gateway.sender,
          text: m.body,
          reference: m.id,
          callbackUrl: this.callbackUrl,
        }),
        signal: AbortSignal.timeout(this.gateway.timeoutMs),
      });
    } catch (err) {
      // The cause's name only (ECONNREFUSED, TimeoutError…): never the request.
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new Error(`SMS gateway unreachable (${cause})`);
    }
    if (res.ok) {
      const data = (await res.json().catch(() => ({}))) as { id?: unknown };
      return { providerMessageId: typeof data.id === 'string' && data.id ? data.id : undefined };
    }
    await res.body?.cancel();
    if (res.status === 408 || res.status === 429 || res.status >= 500)
      throw new Error(`SMS gateway answered ${res.status}`);
    throw new PermanentSendError(`SMS gateway refused the message (${res.status})`);
  }
}
