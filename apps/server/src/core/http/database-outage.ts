import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';

/** Node socket errors that mean the database server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * PostgreSQL SQLSTATEs of an unreachable or stopping server: class 08 (connection exception),
 * 57P01-57P03 (admin/crash shutdown, cannot connect now) and 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300'
  );
}

/** node-postgres and PGlite report a lost or closed database with these messages and no code. */
const MESSAGES = [
  /^Connection terminated/,
  /connection error and is not queryable/,
  /timeout exceeded when trying to connect/,
  /Cannot use a pool after calling end/,
  /^PGlite is clos(ed|ing)$/,
];

/** True if `err` (or what it wraps) says the database is unreachable rather than the request wrong. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || isUnavailableSqlState(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client waits before retrying (the web app's offline queue retries on 503). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Logs one line when the database becomes unreachable and one when it is back, however many
 * requests fail in between: while down, a probe asks the database every few seconds.
 */
export class DatabaseOutage {
  private down = false;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly probeMs = 2000,
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  /** A request failed because the database is unreachable. */
  report(err: unknown): void {
    if (this.down) return;
    this.down = true;
    const e = err as { code?: unknown; message?: unknown };
    // The driver's code and message only: they carry no query parameters.
    this.log.error({ code: e.code, reason: String(e.message ?? '') }, 'database unavailable: answering 503');
    // Its own timer, not a scheduled job: the probe exists only while the database is down, starts
    // from a failing request, and must not wait on a database lock or transaction to run.
    this.probe = setInterval(() => void this.check(), this.probeMs);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.db.query('select 1');
    } catch {
      return;
    }
    if (!this.down) return;
    this.down = false;
    this.stop();
    this.log.warn('database available again');
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }
}
