import type { Db } from '../db/db';

export interface JobLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface JobSpec {
  /** Stable and unique: it names the job in logs. */
  name: string;
  everyMs: number;
  /**
   * When the app becomes ready: 'await' runs the job before the app serves (partitions must exist),
   * 'background' starts it without waiting, false waits for the first interval.
   */
  atStart?: 'await' | 'background' | false;
  /**
   * An advisory lock key (core/db/locks.ts): on PostgreSQL only one server runs the job at a time; the
   * others skip that round. PGlite needs none: one process owns its data folder.
   */
  lock?: number;
  run(): Promise<void>;
  /** Runs once on close, after the last run has finished (e.g. a final audit seal). */
  final?(): Promise<void>;
}

export interface JobHandle {
  /** A run now, after any run in progress (runs never overlap); resolves when it is done. */
  runNow(): Promise<void>;
}

interface JobState {
  spec: JobSpec;
  timer: NodeJS.Timeout | null;
  running: Promise<void>;
  queued: Promise<void> | null;
  /** Errors are logged once per failure streak, not every interval while something stays broken. */
  failing: boolean;
}

/**
 * The one place interval jobs run: one timer per job, runs never overlap, an optional advisory lock
 * across servers, errors logged once per failure streak, everything stopped when the app closes.
 */
export class Scheduler {
  private readonly jobs = new Map<string, JobState>();
  private started = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    readonly log: JobLog,
  ) {}

  add(spec: JobSpec): JobHandle {
    if (this.jobs.has(spec.name)) throw new Error(`job ${spec.name} is scheduled twice`);
    const state: JobState = { spec, timer: null, running: Promise.resolve(), queued: null, failing: false };
    this.jobs.set(spec.name, state);
    if (this.started) this.arm(state);
    return { runNow: () => this.runNow(state) };
  }

  /** Runs the 'await' jobs, starts the 'background' ones, then arms every timer. */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    this.started = true;
    const states = [...this.jobs.values()];
    for (const s of states) if (s.spec.atStart === 'await') await this.runNow(s, true);
    for (const s of states) if (s.spec.atStart === 'background') void this.runNow(s);
    for (const s of states) this.arm(s);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of this.jobs.values()) if (s.timer) clearInterval(s.timer);
    await Promise.all([...this.jobs.values()].map((s) => s.running));
    for (const s of this.jobs.values())
      if (s.spec.final) await s.spec.final().catch((err: unknown) => this.failed(s, err));
  }

  private arm(s: JobState): void {
    s.timer = setInterval(() => void this.runNow(s), s.spec.everyMs);
    s.timer.unref();
  }

  private runNow(s: JobState, waitForLock = false): Promise<void> {
    // A run already waiting will see whatever the caller just wrote: no need for a second one.
    if (s.queued) return s.queued;
    const next = s.running.then(async () => {
      s.queued = null;
      if (this.stopped) return;
      try {
        await this.runOnce(s.spec, waitForLock);
        if (s.failing) this.log.info({ job: s.spec.name }, 'job recovered');
        s.failing = false;
      } catch (err) {
        this.failed(s, err);
      }
    });
    s.queued = next;
    s.running = next;
    return next;
  }

  private async runOnce(spec: JobSpec, waitForLock: boolean): Promise<void> {
    if (spec.lock === undefined || this.db.kind !== 'postgres') return spec.run();
    // The transaction only holds the lock (released at its end, even if this server dies); the job
    // itself works through the pool, so its own transactions commit as they go. At start the server
    // waits for the lock instead of skipping: what the job prepares (partitions) must exist before it
    // serves, and the other server's run may not have finished.
    await this.db.transaction(async (tx) => {
      if (waitForLock) await tx.query('select pg_advisory_xact_lock($1)', [spec.lock!]);
      else {
        const [got] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
          spec.lock!,
        ]);
        if (!got?.ok) return;
      }
      await spec.run();
    });
  }

  private failed(s: JobState, err: unknown): void {
    if (s.failing) return;
    s.failing = true;
    const e = err instanceof Error ? err : new Error(String(err));
    // Name and message only: a driver's error object may carry query parameters.
    this.log.error({ job: s.spec.name, err: { name: e.name, message: e.message } }, 'job failed');
  }
}
