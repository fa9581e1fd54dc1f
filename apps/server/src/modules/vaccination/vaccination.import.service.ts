import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError, fieldError } from '../../core/errors';
import {
  detectHeader,
  errorSpreadsheet,
  loadColumnMap,
  readSpreadsheet,
  runInBatches,
  saveColumnMap,
  withSavedMap,
  type ColumnMap,
  type Sheet,
} from '../../core/import';
import { catalogueInForce } from './vaccination.catalogue';
import { signingKey } from './vaccination.deps';
import { findUnit, matchCandidates } from './vaccination.import.deps';
import { deploymentStructure } from '../../core/units/deployment';
import type { UnitStructure } from '../../core/units/structure';
import {
  applyDoseRows,
  type ImportRowInput,
  type ImportScope,
  type RowOutcome,
} from './vaccination.import.apply';
import {
  DOSE_ALIASES,
  DOSE_COLUMN_LABELS,
  DOSE_COLUMNS,
  DOSE_IMPORT_KIND,
  DOSE_REQUIRED,
  type DoseColumn,
} from './vaccination.import.columns';

/** Rows committed per transaction: large enough for set-wise statements, small enough to resume cheaply. */
export const IMPORT_BATCH_ROWS = 2000;
/** A file a province sends in one go (a district's day); larger lists are split. */
export const IMPORT_LIMITS = { maxRows: 200_000, maxUncompressedBytes: 128 * 1024 * 1024 };

export interface ImportRecord {
  id: string;
  kind: string;
  format: 'csv' | 'xlsx';
  header_row: number;
  columns: Partial<Record<DoseColumn, number>>;
  rows_total: number;
  rows_done: number;
  rows_failed: number;
  rows_review: number;
  rows_duplicate: number;
  doses_created: number;
  people_created: number;
  status: 'processing' | 'done' | 'failed';
  actor: Actor;
  default_commune_code: string | null;
  /** The map the import's default commune is on (the move carries it to 2025). */
  unit_structure: UnitStructure;
  /** Set when the move carried the import from the 2021 map: its file's own codes are 2021 codes. */
  moved_from_unit: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const SELECT = `select id::text, kind, format, header_row, columns, rows_total, rows_done, rows_failed, rows_review,
  rows_duplicate, doses_created, people_created, status, actor, default_commune_code, unit_structure, moved_from_unit, created_at, finished_at
  from vaccination_imports`;

/** The map the file's own codes are on: the upload's (an import the move carried was uploaded on 2021's). */
const fileStructureOf = (job: ImportRecord): UnitStructure =>
  job.moved_from_unit !== null ? 'pre2025' : job.unit_structure;

export const importView = (r: ImportRecord) => ({
  id: r.id,
  status: r.status,
  format: r.format,
  headerRow: r.header_row,
  columns: r.columns,
  rowsTotal: r.rows_total,
  rowsDone: r.rows_done,
  rowsFailed: r.rows_failed,
  rowsReview: r.rows_review,
  rowsDuplicate: r.rows_duplicate,
  dosesCreated: r.doses_created,
  peopleCreated: r.people_created,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

function staff(actor: Actor) {
  if (actor.kind !== 'staff' && actor.kind !== 'machine') throw new AppError('FORBIDDEN');
  return actor;
}

/** The file's header and which column each cell is, from the uploader's saved map and the known aliases. */
function columnsOf(sheet: Sheet, saved: ColumnMap<DoseColumn> | null) {
  const h = detectHeader(sheet.rows, withSavedMap(DOSE_ALIASES, saved));
  const columns = Object.fromEntries(h.columns) as Partial<Record<DoseColumn, number>>;
  const missing = DOSE_REQUIRED.filter((c) => columns[c] === undefined);
  const hasPerson =
    columns.idNumber !== undefined ||
    columns.bhyt !== undefined ||
    (columns.fullName !== undefined && columns.birth !== undefined);
  return { at: h.at, header: h.header, headerRow: sheet.rows[h.at]?.row ?? 1, columns, missing, hasPerson };
}

function rowsOf(sheet: Sheet, at: number, columns: Partial<Record<DoseColumn, number>>): ImportRowInput[] {
  return sheet.rows.slice(at + 1).map((r) => {
    const cells: ImportRowInput['cells'] = {};
    for (const c of DOSE_COLUMNS) {
      const i = columns[c];
      if (i !== undefined) cells[c] = r.cells[i] ?? '';
    }
    return { row: r.row, cells };
  });
}

async function findImport(q: Queryable, id: string): Promise<ImportRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await q.query<ImportRecord>(`${SELECT} where id = $1`, [id]))[0];
}

/** An import is its uploader's: another officer (even of the same area) does not see its rows. */
async function ownImport(q: Queryable, ctx: AuditContext, id: string): Promise<ImportRecord> {
  authorize(ctx.actor, 'vaccination.import');
  const a = staff(ctx.actor);
  const r = await findImport(q, id);
  if (!r || r.actor.kind === 'anonymous' || (r.actor as { accountId: string }).accountId !== a.accountId)
    throw new AppError('NOT_FOUND');
  return r;
}

async function storeOutcomes(tx: Queryable, importId: string, outcomes: RowOutcome[]) {
  const kept = outcomes.filter((o) => o.kind === 'error' || o.kind === 'review');
  if (!kept.length) return;
  await tx.query(
    `insert into vaccination_import_rows (import_id, row_number, status, errors, data, candidates)
     select $1, u.row, u.status, u.errors, u.data, coalesce(u.candidates, '{}')
       from jsonb_to_recordset($2::jsonb) as u(row int, status text, errors jsonb, data jsonb, candidates uuid[])
     on conflict (import_id, row_number) do update set status = excluded.status, errors = excluded.errors,
       data = excluded.data, candidates = excluded.candidates`,
    [
      importId,
      JSON.stringify(
        kept.map((o) =>
          o.kind === 'error'
            ? { row: o.row, status: 'error', errors: o.errors, data: o.data ?? null, candidates: [] }
            : { row: o.row, status: 'review', errors: [], data: o.data, candidates: o.candidates },
        ),
      ),
    ],
  );
}

const counts = (outcomes: RowOutcome[]) => ({
  failed: outcomes.filter((o) => o.kind === 'error').length,
  review: outcomes.filter((o) => o.kind === 'review').length,
  duplicate: outcomes.filter((o) => o.kind === 'duplicate').length,
  doses: outcomes.filter((o) => o.kind === 'applied').length,
  people: new Set(outcomes.flatMap((o) => (o.kind === 'applied' && o.created ? [o.personId] : []))).size,
});

/**
 * Works one import from its first row not yet committed to the end, a batch per transaction with its
 * progress, so a job stopped by a crash or a restart goes on where it stopped and never applies a row
 * twice. `stopAfterBatches` stops it on purpose (tests of that resume).
 */
export async function runImport(
  db: Db,
  id: string,
  opts: { stopAfterBatches?: number; batchRows?: number } = {},
): Promise<void> {
  const job = (
    await db.query<ImportRecord & { file: Uint8Array }>(
      `${SELECT.replace('from vaccination_imports', ', file from vaccination_imports')} where id = $1`,
      [id],
    )
  )[0];
  if (!job || job.status !== 'processing') return;
  const sheet = await readSpreadsheet(job.file, IMPORT_LIMITS);
  const at = sheet.rows.findIndex((r) => r.row === job.header_row);
  const rows = rowsOf(sheet, at, job.columns);
  const ctx: AuditContext = { actor: job.actor };
  const catalogue = await catalogueInForce(db, 'covid-19', new Date());
  // Made now if it is not yet, outside any transaction: the certificates' handler only reads it.
  await signingKey(db, 'dcc');
  const scope: ImportScope = {
    importId: id,
    actor: job.actor,
    defaultCommune: job.default_commune_code,
    structure: job.unit_structure,
    fileStructure: fileStructureOf(job),
    communes: new Map(),
  };
  let batches = 0;
  await runInBatches(rows, job.rows_done, opts.batchRows ?? IMPORT_BATCH_ROWS, async (batch, first) => {
    if (opts.stopAfterBatches !== undefined && batches >= opts.stopAfterBatches)
      throw new Error('stopped on purpose');
    await db.transaction(async (tx) => {
      // The job's row is the batch's lock: two servers never apply the same rows.
      const now = (
        await tx.query<{ rows_done: number }>(
          'select rows_done from vaccination_imports where id = $1 for update',
          [id],
        )
      )[0];
      if (!now || now.rows_done !== first) throw new Error('import moved on elsewhere');
      const outcomes = await applyDoseRows(tx, ctx, scope, batch, catalogue);
      await storeOutcomes(tx, id, outcomes);
      const c = counts(outcomes);
      const done = first + batch.length >= rows.length;
      await tx.query(
        `update vaccination_imports set rows_done = rows_done + $2, rows_failed = rows_failed + $3,
           rows_review = rows_review + $4, rows_duplicate = rows_duplicate + $5, doses_created = doses_created + $6,
           people_created = people_created + $7, updated_at = now(),
           status = case when $8 then 'done' else status end, finished_at = case when $8 then now() end
         where id = $1`,
        [id, batch.length, c.failed, c.review, c.duplicate, c.doses, c.people, done],
      );
    });
    batches++;
  });
  if (!rows.length)
    await db.query(`update vaccination_imports set status = 'done', finished_at = now() where id = $1`, [id]);
}

/**
 * How long an import's file and its rows' details (they name people) are kept after it finished: long
 * enough to fix the flagged rows and download the error sheet again; the doses themselves stay.
 */
export const IMPORT_FILE_RETENTION_DAYS = 30;

export async function purgeOldImports(db: Db, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - IMPORT_FILE_RETENTION_DAYS * 864e5);
  await db.query(
    `update vaccination_import_rows r set data = null from vaccination_imports i
     where i.id = r.import_id and i.finished_at < $1 and r.data is not null`,
    [before],
  );
  await db.query('update vaccination_imports set file = null where finished_at < $1 and file is not null', [
    before,
  ]);
}

/** Every import still processing (queued, or stopped by a crash), oldest first. */
export async function runPendingImports(db: Db): Promise<void> {
  await purgeOldImports(db);
  const pending = await db.query<{ id: string }>(
    `select id::text from vaccination_imports where status = 'processing' order by created_at`,
  );
  for (const p of pending) {
    try {
      await runImport(db, p.id);
    } catch (e) {
      // A file that cannot be worked at all (its catalogue gone, a bug) must not block the queue.
      if (e instanceof AppError) {
        await db.query(
          `update vaccination_imports set status = 'failed', finished_at = now() where id = $1`,
          [p.id],
        );
      } else throw e;
    }
  }
}

export function vaccinationImportService(db: Db) {
  return {
    /** What the page shows before the upload: the header found and which column each cell is. */
    async preview(ctx: AuditContext, bytes: Uint8Array) {
      authorize(ctx.actor, 'vaccination.import');
      const a = staff(ctx.actor);
      const sheet = await readSpreadsheet(bytes, IMPORT_LIMITS);
      const saved = await loadColumnMap<DoseColumn>(db, a.accountId, DOSE_IMPORT_KIND);
      const c = columnsOf(sheet, saved);
      return {
        headerRow: c.headerRow,
        header: c.header,
        columns: c.columns,
        missing: c.missing,
        hasPerson: c.hasPerson,
        rows: sheet.rows.length - c.at - 1,
        labels: DOSE_COLUMN_LABELS,
      };
    },

    async getColumnMap(ctx: AuditContext) {
      authorize(ctx.actor, 'vaccination.import');
      return (await loadColumnMap<DoseColumn>(db, staff(ctx.actor).accountId, DOSE_IMPORT_KIND)) ?? {};
    },

    async putColumnMap(ctx: AuditContext, map: ColumnMap<DoseColumn>) {
      authorize(ctx.actor, 'vaccination.import');
      const a = staff(ctx.actor);
      const clean = Object.fromEntries(
        Object.entries(map).filter(
          ([k, v]) => (DOSE_COLUMNS as readonly string[]).includes(k) && typeof v === 'string' && v.trim(),
        ),
      );
      await db.transaction(async (tx) => {
        await saveColumnMap(tx, a.accountId, DOSE_IMPORT_KIND, clean);
        await recordAudit(tx, ctx, {
          action: 'vaccination.import.map',
          details: { columns: Object.keys(clean) },
        });
      });
      return clean;
    },

    /**
     * Checks the file (format, encoding, limits, columns) before answering and queues it; the rows are
     * applied in the background. The same file from the same officer again → the first import.
     */
    async upload(ctx: AuditContext, bytes: Uint8Array, opts: { communeCode?: string | null }) {
      authorize(ctx.actor, 'vaccination.import');
      const a = staff(ctx.actor);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const previous = (
        await db.query<ImportRecord>(
          `${SELECT} where uploaded_by_account_id = $1 and kind = 'doses' and sha256 = $2`,
          [a.accountId, sha256],
        )
      )[0];
      if (previous) return { duplicate: true, view: importView(previous) };
      const sheet = await readSpreadsheet(bytes, IMPORT_LIMITS);
      const c = columnsOf(sheet, await loadColumnMap<DoseColumn>(db, a.accountId, DOSE_IMPORT_KIND));
      if (c.missing.length || !c.hasPerson) {
        const need: DoseColumn[] = [
          ...c.missing,
          ...(c.hasPerson ? [] : (['fullName', 'birth', 'idNumber'] as const)),
        ];
        throw new AppError(
          'IMPORT_FILE_INVALID',
          need.map((col) =>
            fieldError(
              col,
              'COLUMN_MISSING',
              `Thiếu cột "${DOSE_COLUMN_LABELS[col].vi}": chọn cột tương ứng trong tệp.`,
              `Column "${DOSE_COLUMN_LABELS[col].en}" is missing: choose the file's column for it.`,
            ),
          ),
        );
      }
      const rowsTotal = sheet.rows.length - c.at - 1;
      if (rowsTotal <= 0) throw new AppError('UPLOAD_EMPTY');
      // The import's map: the uploader's account's, else the deployment's. A commune officer's rows are
      // in their commune unless the file says otherwise; which unit the account's code is, the map says
      // (geo's lookup), never the code's length (a 2025 code can be a 2021 district's digits and back).
      const structure = a.unitStructure ?? (await deploymentStructure(db));
      const own =
        a.unitCode && a.unitLevel !== null
          ? a.unitLevel === 'commune'
            ? a.unitCode
            : a.unitLevel === undefined && (await findUnit(db, structure, a.unitCode))?.level === 3
              ? a.unitCode
              : null
          : null;
      const communeCode = opts.communeCode ?? own;
      const view = await db.transaction(async (tx) => {
        const rows = await tx.query<ImportRecord>(
          `insert into vaccination_imports (kind, sha256, format, file, header_row, columns, rows_total,
             uploaded_by_account_id, actor, default_commune_code, unit_structure)
           values ('doses', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           on conflict (uploaded_by_account_id, kind, sha256) do nothing
           returning id::text`,
          [
            sha256,
            sheet.format,
            bytes,
            c.headerRow,
            JSON.stringify(c.columns),
            rowsTotal,
            a.accountId,
            JSON.stringify(a),
            communeCode,
            structure,
          ],
        );
        if (!rows[0]) return null;
        await recordAudit(tx, ctx, {
          action: 'vaccination.import.upload',
          details: { importId: rows[0].id, rows: rowsTotal, format: sheet.format },
        });
        return (await findImport(tx, rows[0].id))!;
      });
      if (!view) {
        const again = (
          await db.query<ImportRecord>(
            `${SELECT} where uploaded_by_account_id = $1 and kind = 'doses' and sha256 = $2`,
            [a.accountId, sha256],
          )
        )[0]!;
        return { duplicate: true, view: importView(again) };
      }
      return { duplicate: false, view: importView(view) };
    },

    async get(ctx: AuditContext, id: string) {
      return importView(await ownImport(db, ctx, id));
    },

    /** The rows that need the officer: errors to fix in the file, people to choose. Audited (they name people). */
    async rows(ctx: AuditContext, id: string, status: 'error' | 'review' | 'all') {
      const job = await ownImport(db, ctx, id);
      const rows = await db.query<{
        row_number: number;
        status: string;
        errors: { field: string; code: string; message: { vi: string; en: string } }[];
        data: Record<string, unknown> | null;
        candidates: string[];
        person_id: string | null;
      }>(
        `select row_number, status, errors, data, candidates::text[] as candidates, person_id::text
         from vaccination_import_rows where import_id = $1 and ($2 = 'all' or status = $2)
         order by row_number limit 1000`,
        [job.id, status],
      );
      const ids = [...new Set(rows.flatMap((r) => r.candidates))];
      // People's own reviewer view of them: names, birth, commune, the numbers' last digits only.
      const byId = await matchCandidates(db, ids);
      await recordAudit(db, ctx, {
        action: 'vaccination.import.rows.read',
        details: { importId: job.id, rows: rows.length, candidates: ids.length },
      });
      return rows.map((r) => ({
        row: r.row_number,
        status: r.status,
        errors: r.errors,
        data: r.data,
        personId: r.person_id,
        candidates: r.candidates.map((c) => {
          const p = byId.get(c);
          return {
            id: c,
            fullName: p?.fullName ?? '',
            birthDate: p?.birthDate ?? null,
            birthYear: p?.birthYear ?? null,
            communeCode: p?.communeCode ?? null,
            cccd: p?.cccd ?? null,
            phone: p?.phone ?? null,
          };
        }),
      }));
    },

    /** The file as uploaded with an error column on the rows that were not applied. */
    async errorSheet(ctx: AuditContext, id: string) {
      const job = await ownImport(db, ctx, id);
      const file = (
        await db.query<{ file: Uint8Array | null }>('select file from vaccination_imports where id = $1', [
          job.id,
        ])
      )[0]?.file;
      if (!file) throw new AppError('NOT_FOUND', undefined, 'file removed by retention');
      const rows = await db.query<{
        row_number: number;
        status: string;
        errors: { message: { vi: string; en: string } }[];
      }>(
        `select row_number, status, errors from vaccination_import_rows where import_id = $1 and status in ('error', 'review', 'rejected')`,
        [job.id],
      );
      const text = (r: (typeof rows)[number]) =>
        r.status === 'review'
          ? 'Cần chọn người trong trang nhập / Choose the person on the import page'
          : r.status === 'rejected'
            ? 'Đã loại / Rejected'
            : r.errors.map((e) => `${e.message.vi} / ${e.message.en}`).join('; ');
      const sheet = await readSpreadsheet(file, IMPORT_LIMITS);
      await recordAudit(db, ctx, {
        action: 'vaccination.import.errors.download',
        details: { importId: job.id, rows: rows.length },
      });
      return errorSpreadsheet(file, sheet, job.header_row, new Map(rows.map((r) => [r.row_number, text(r)])));
    },

    /** The officer's decision on an ambiguous row: this person, a new person, or not this row at all. */
    async resolve(
      ctx: AuditContext,
      id: string,
      row: number,
      decision: { action: 'pick'; personId: string } | { action: 'create' } | { action: 'reject' },
    ) {
      const job = await ownImport(db, ctx, id);
      const catalogue = await catalogueInForce(db, 'covid-19', new Date());
      await signingKey(db, 'dcc'); // see above: the certificate follows from the dose event
      return db.transaction(async (tx) => {
        const r = (
          await tx.query<{ status: string; candidates: string[] }>(
            `select status, candidates::text[] as candidates from vaccination_import_rows
             where import_id = $1 and row_number = $2 for update`,
            [job.id, row],
          )
        )[0];
        if (!r) throw new AppError('NOT_FOUND');
        if (r.status !== 'review') throw new AppError('VACCINATION_IMPORT_ROW_RESOLVED');
        const accountId = staff(ctx.actor).accountId;
        if (decision.action === 'reject') {
          await tx.query(
            `update vaccination_import_rows set status = 'rejected', resolved_by_account_id = $3, resolved_at = now()
             where import_id = $1 and row_number = $2`,
            [job.id, row, accountId],
          );
          await tx.query(
            'update vaccination_imports set rows_review = rows_review - 1, rows_failed = rows_failed + 1 where id = $1',
            [job.id],
          );
          await recordAudit(tx, ctx, {
            action: 'vaccination.import.resolve',
            details: { importId: job.id, row, decision: 'reject' },
          });
          return { row, status: 'rejected' as const, personId: null, doseId: null };
        }
        if (decision.action === 'pick' && !r.candidates.includes(decision.personId))
          throw new AppError('VALIDATION_FAILED', [
            fieldError(
              'personId',
              'NOT_A_CANDIDATE',
              'Người này không có trong danh sách gợi ý',
              'Not one of the candidates',
            ),
          ]);
        // The row as it is in the stored file, applied through the same path as the batch.
        const file = (
          await tx.query<{ file: Uint8Array }>('select file from vaccination_imports where id = $1', [job.id])
        )[0]!.file;
        const sheet = await readSpreadsheet(file, IMPORT_LIMITS);
        const at = sheet.rows.findIndex((x) => x.row === job.header_row);
        const input = rowsOf(sheet, at, job.columns).find((x) => x.row === row);
        if (!input) throw new AppError('NOT_FOUND');
        // The officer deciding now (the uploader: ownImport), on the map their account is on now — a
        // row resolved after the move is placed and checked in their 2025 area, not their 2021 one.
        const scope: ImportScope = {
          importId: job.id,
          actor: ctx.actor,
          defaultCommune: job.default_commune_code,
          structure: job.unit_structure,
          fileStructure: fileStructureOf(job),
          communes: new Map(),
        };
        const [outcome] = await applyDoseRows(
          tx,
          ctx,
          scope,
          [{ ...input, force: decision.action === 'pick' ? { personId: decision.personId } : 'create' }],
          catalogue,
        );
        if (!outcome || (outcome.kind !== 'applied' && outcome.kind !== 'duplicate'))
          throw new AppError('VALIDATION_FAILED', outcome?.kind === 'error' ? outcome.errors : undefined);
        const doseId = outcome.kind === 'applied' ? outcome.doseId : null;
        await tx.query(
          `update vaccination_import_rows set status = 'resolved', person_id = $3, dose_id = $4,
             resolved_by_account_id = $5, resolved_at = now() where import_id = $1 and row_number = $2`,
          [job.id, row, outcome.personId, doseId, accountId],
        );
        await tx.query(
          `update vaccination_imports set rows_review = rows_review - 1, doses_created = doses_created + $2,
             rows_duplicate = rows_duplicate + $3, people_created = people_created + $4 where id = $1`,
          [job.id, doseId ? 1 : 0, doseId ? 0 : 1, outcome.kind === 'applied' && outcome.created ? 1 : 0],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.import.resolve',
          personId: outcome.personId,
          details: { importId: job.id, row, decision: decision.action, doseId },
        });
        return { row, status: 'resolved' as const, personId: outcome.personId, doseId };
      });
    },
  };
}
