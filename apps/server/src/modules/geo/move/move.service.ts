import type { MoveTableProgress } from '@phongdich/contracts/geo';
import type { Db } from '../../../core/db/db';
import { recordAudit, type AuditContext } from '../../../core/audit/audit';
import { authorize } from '../../../core/auth/policy';
import { forgetAllActors } from '../../../core/auth/sessions';
import { AppError } from '../../../core/errors';
import { deploymentStructure } from '../../../core/units/deployment';
import { buildMovePlan } from './move.plan';
import { moveBatch, movePeopleStep, moveVenueFigures } from './move.batch';
import { moveReviewPolicies, moveUnitCodes } from './move.codes';
import { recountVaccinationFigures } from './move.figures';
import { moveImportActors, moveImportRows } from './move.imports';
import { CODE_TABLES, MOVE_TABLES, REVIEW_POLICIES } from './move.tables';

export type TableProgress = MoveTableProgress;

export interface MoveRun {
  id: string;
  status: 'running' | 'done';
  progress: Record<string, TableProgress>;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  status: 'running' | 'done';
  progress: Record<string, TableProgress>;
  started_at: Date;
  finished_at: Date | null;
}

const toRun = (r: RunRow): MoveRun => ({
  id: r.id,
  status: r.status,
  progress: r.progress,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export async function latestMoveRun(db: Db, ctx: AuditContext): Promise<MoveRun | null> {
  authorize(ctx.actor, 'units.move');
  const rows = await db.query<RunRow>('select * from unit_move_runs order by started_at desc limit 1');
  return rows[0] ? toRun(rows[0]) : null;
}

/** The running run (an interrupted one is resumed), or a new one. */
async function openRun(db: Db, ctx: AuditContext): Promise<RunRow> {
  return db.transaction(async (tx) => {
    const running = await tx.query<RunRow>(
      `select * from unit_move_runs where status = 'running' for update`,
    );
    if (running[0]) return running[0];
    await buildMovePlan(tx);
    const rows = await tx.query<RunRow>(
      `insert into unit_move_runs (status, started_by) values ('running', $1) returning *`,
      [ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId],
    );
    await recordAudit(tx, ctx, { action: 'units.move.start', details: { runId: rows[0]!.id } });
    return rows[0]!;
  });
}

export interface MoveOptions {
  batchSize?: number;
  /** Stop after this many batches, leaving the run to resume (tests; a page's step). */
  maxBatches?: number;
  onProgress?: (run: MoveRun) => void;
  /**
   * Runs before each batch's transaction with its table, progress (`after`) and size: the benchmark's
   * same-range reference (`peopleRange` gives the people's next block range from them).
   */
  beforeBatch?: (table: (typeof MOVE_TABLES)[number], after: string | null, size: number) => Promise<void>;
}

/**
 * Moves every record from pre2025 to 2025 codes by the official mapping, one key range per
 * transaction (the range, its progress and its audit entry commit together): interrupted, it
 * resumes from the last committed range; re-run, it finds nothing left. Refused unless the
 * deployment runs on 2025, so no pre2025 record is created behind the move.
 */
export async function runMove(db: Db, ctx: AuditContext, opts: MoveOptions = {}): Promise<MoveRun> {
  authorize(ctx.actor, 'units.move');
  if ((await deploymentStructure(db)) !== '2025') throw new AppError('UNIT_MOVE_NEEDS_2025');
  const size = Math.max(1, opts.batchSize ?? 20_000);
  let run = await openRun(db, ctx);
  let batches = 0;
  for (const t of MOVE_TABLES) {
    let p = run.progress[t.table] ?? { after: null, moved: 0, review: 0, done: false };
    while (!p.done) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return toRun(run);
      batches++;
      const before = p;
      await opts.beforeBatch?.(t, before.after, size);
      // The range, the run's progress and the audit entry commit together (or not at all).
      run = await db.transaction(async (tx) => {
        // People: a walk over the table's blocks in physical order, then a sweep of what it left
        // (move.batch.ts); the other tables by key ranges.
        const r = t.nameWords
          ? await movePeopleStep(tx, t, before.after, size)
          : await moveBatch(tx, t, before.after, size).then((b) => ({
              ...b,
              after: b.upper ?? before.after,
              done: b.upper === null,
            }));
        const next: TableProgress = {
          after: r.after,
          moved: before.moved + r.moved,
          review: before.review + r.review,
          done: r.done,
        };
        await recordAudit(tx, ctx, {
          action: 'units.move.batch',
          details: { runId: run.id, table: t.table, moved: r.moved, review: r.review },
        });
        const rows = await tx.query<RunRow>(
          `update unit_move_runs set progress = progress || jsonb_build_object($2::text, $3::jsonb)
           where id = $1 returning *`,
          [run.id, t.table, JSON.stringify(next)],
        );
        return rows[0]!;
      });
      p = run.progress[t.table]!;
      opts.onProgress?.(toRun(run));
    }
  }
  const finished = await db.transaction(async (tx) => {
    // Tables naming one code (accounts, campaigns, imports) and the review settings are few rows each.
    const codes: Record<string, TableProgress> = {};
    for (const t of CODE_TABLES)
      codes[t.table] = { after: null, ...(await moveUnitCodes(tx, t)), done: true };
    codes[REVIEW_POLICIES] = { after: null, ...(await moveReviewPolicies(tx)), done: true };
    // Running imports go on as their uploader on the new map; their kept rows name the new communes.
    const importActors = await moveImportActors(tx);
    const importRows = await moveImportRows(tx);
    const figures = await moveVenueFigures(tx);
    codes.daily_venue_counts = { after: null, moved: figures, review: 0, done: true };
    // Counts per commune, recounted from the people just carried (move.figures.ts). Not progress: a
    // re-run recounts the same rows and moves nothing.
    const coverageRows = await recountVaccinationFigures(tx);
    const rows = await tx.query<RunRow>(
      `update unit_move_runs set status = 'done', finished_at = now(), progress = progress || $2::jsonb
       where id = $1 returning *`,
      [run.id, JSON.stringify(codes)],
    );
    const accounts = codes.accounts!;
    await recordAudit(tx, ctx, {
      action: 'units.move.finish',
      details: {
        runId: run.id,
        accounts: accounts.moved,
        accountsReview: accounts.review,
        figures,
        coverageRows,
        importActors,
        importRows,
      },
    });
    return rows[0]!;
  });
  // Accounts changed unit: this server forgets its remembered actors now, the others within 5 s.
  forgetAllActors();
  run = finished;
  opts.onProgress?.(toRun(run));
  return toRun(run);
}
