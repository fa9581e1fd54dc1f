import type { Queryable } from '../../core/db/db';
import type { RowError } from './lab.types';
import type { ColumnMapping } from './lab.upload.parse';

export interface UploadRow {
  id: string;
  lab_id: string;
  format: string;
  status: 'processing' | 'done' | 'failed';
  rows_total: number;
  rows_done: number;
  rows_failed: number;
  errors: RowError[];
  created_at: Date;
  finished_at: Date | null;
}
const COLS = `id, lab_id::text as lab_id, format, status, rows_total, rows_done, rows_failed, errors, created_at, finished_at`;

export function uploadView(r: UploadRow) {
  return {
    id: r.id,
    status: r.status,
    format: r.format,
    rowsTotal: r.rows_total,
    rowsDone: r.rows_done,
    rowsFailed: r.rows_failed,
    errors: r.errors,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function saveMapping(q: Queryable, labId: string, m: ColumnMapping, by: string) {
  await q.query(
    `insert into lab_column_mappings (lab_id, mapping, updated_by) values ($1, $2, $3)
     on conflict (lab_id) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()`,
    [labId, JSON.stringify(m), by],
  );
}

export async function loadMapping(q: Queryable, labId: string): Promise<ColumnMapping | undefined> {
  const rows = await q.query<{ mapping: ColumnMapping }>(
    'select mapping from lab_column_mappings where lab_id = $1',
    [labId],
  );
  return rows[0]?.mapping;
}

export async function findUploadBySha(q: Queryable, labId: string, sha: string) {
  const rows = await q.query<UploadRow>(
    `select ${COLS} from result_uploads where lab_id = $1 and sha256 = $2`,
    [labId, sha],
  );
  return rows[0];
}

export async function findUpload(q: Queryable, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await q.query<UploadRow>(`select ${COLS} from result_uploads where id = $1`, [id]);
  return rows[0];
}

/** Two identical uploads at once: the unique (lab, sha) lets one create the report, the other reads it. */
export async function insertUpload(
  q: Queryable,
  u: { labId: string; sha256: string; format: string; rowsTotal: number; by: string },
): Promise<{ created: boolean; row: UploadRow }> {
  const rows = await q.query<UploadRow>(
    `insert into result_uploads (lab_id, sha256, format, rows_total, uploaded_by) values ($1, $2, $3, $4, $5)
     on conflict (lab_id, sha256) do nothing returning ${COLS}`,
    [u.labId, u.sha256, u.format, u.rowsTotal, u.by],
  );
  if (rows[0]) return { created: true, row: rows[0] };
  return { created: false, row: (await findUploadBySha(q, u.labId, u.sha256))! };
}

export async function addProgress(
  q: Queryable,
  id: string,
  done: number,
  failed: number,
  errors: RowError[],
  last: boolean,
) {
  await q.query(
    `update result_uploads set rows_done = rows_done + $2, rows_failed = rows_failed + $3,
       errors = errors || $4::jsonb, status = case when $5 then 'done' else status end,
       finished_at = case when $5 then now() else finished_at end
     where id = $1`,
    [id, done, failed, JSON.stringify(errors), last],
  );
}
