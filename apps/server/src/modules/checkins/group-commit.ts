import type { AuditAction } from '@phongdich/contracts';
import type { Db } from '../../core/db/db';
import { checkinsByIds, insertCheckins } from './checkins.repository';
import { sameContent, type CheckinRow, type NewCheckin } from './checkins.types';

const toRow = (r: NewCheckin): CheckinRow => ({
  id: r.id,
  person_id: r.personId,
  venue_id: r.venueId,
  method: r.method,
  device_time: r.deviceTime,
  server_time: r.serverTime,
  checkout_time: null,
  commune_code: r.communeCode,
  district_code: r.districtCode,
  province_code: r.provinceCode,
  recorded_by_account_id: r.recordedBy,
  source: r.source,
});

/** created: stored by this call; duplicate: the same id and content was stored before; conflict: same id, other content. */
export type WriteOutcome =
  { status: 'created' | 'duplicate'; stored: CheckinRow } | { status: 'conflict'; stored: CheckinRow };

export interface GroupCommitOptions {
  /** How long the first waiting check-in may wait for others to join its commit. */
  maxDelayMs?: number;
  /** Commit at once when this many are waiting. */
  maxBatch?: number;
  /**
   * Commits that may be under way at once. With 2, a group forms and starts while the previous one
   * waits on the database, instead of idling behind it (PGlite runs them one after the other anyway).
   */
  maxInFlight?: number;
  /** Append one audit entry per commit, listing the check-ins it stored, in the same statement. */
  audit?: { action: AuditAction; writer: string };
}

interface Pending {
  row: NewCheckin;
  resolve: (o: WriteOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: concurrent check-ins wait a few milliseconds (or until `maxBatch`) and are written
 * in one multi-row insert in one transaction. Each caller's promise settles only after that
 * transaction has committed, so nothing is acknowledged before it is durable. Up to `maxInFlight`
 * commits run at once; check-ins arriving meanwhile form the next group. If a group fails, its items
 * are retried one by one so a bad row fails alone. Two groups may carry the same id (a retry while
 * the first is in flight): the second insert waits on the first's key and then reads it back.
 */
export class GroupCommitWriter {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<Promise<void>>();
  private readonly maxDelayMs: number;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  /** Counters for tests and benchmarks. */
  readonly stats = { commits: 0, rows: 0, fallbacks: 0 };

  constructor(
    private readonly db: Db,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 2;
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  write(row: NewCheckin): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.kick();
      else if (!this.timer && this.running.size < this.maxInFlight)
        this.timer = setTimeout(() => this.kick(), this.maxDelayMs);
    });
  }

  /** Waits until everything queued so far is committed (used on shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length || this.running.size) {
      this.kick();
      await Promise.all(this.running);
    }
  }

  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running.size < this.maxInFlight && this.queue.length) {
      const group = this.queue.splice(0, this.maxBatch);
      const run: Promise<void> = this.commitGroup(group).finally(() => {
        this.running.delete(run);
        // Whatever arrived during the commit goes next, without waiting again: it has waited already.
        if (this.queue.length) this.kick();
      });
      this.running.add(run);
    }
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    try {
      const outcomes = await this.commit(group.map((p) => p.row));
      group.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch {
      this.stats.fallbacks++;
      for (const p of group) {
        try {
          p.resolve((await this.commit([p.row]))[0]!);
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }

  /**
   * One statement (so one implicit transaction and one round trip): insert the new ids with their
   * audit entry. Ids that were stored before are then read back to compare their content.
   */
  private async commit(rows: NewCheckin[]): Promise<WriteOutcome[]> {
    const first = new Map<string, NewCheckin>();
    for (const r of rows) if (!first.has(r.id)) first.set(r.id, r);
    const unique = [...first.values()];
    const created = await insertCheckins(this.db, unique, this.options.audit);
    const known = [...first.keys()].filter((id) => !created.has(id));
    const stored = new Map((await checkinsByIds(this.db, known)).map((s) => [s.id, s]));
    for (const r of unique) if (created.has(r.id)) stored.set(r.id, toRow(r));
    this.stats.commits++;
    this.stats.rows += created.size;
    return rows.map((r) => {
      const s = stored.get(r.id);
      if (!s) throw new Error('check-in neither inserted nor found');
      const mine = created.has(r.id) && first.get(r.id) === r;
      return { status: mine ? 'created' : sameContent(r, s) ? 'duplicate' : 'conflict', stored: s };
    });
  }
}
