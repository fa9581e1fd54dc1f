import type { Queryable } from '../db/db';
import type { ColumnAliases } from './header';

/**
 * Column maps chosen once and kept per uploader and import kind (table import_column_maps, owned by
 * core): for each column, the header text of the person's own file. The next upload of the same kind
 * finds those headers first, so a province's own spreadsheet layout is mapped once.
 */
export type ColumnMap<C extends string = string> = Partial<Record<C, string>>;

export async function loadColumnMap<C extends string>(
  q: Queryable,
  accountId: string,
  kind: string,
): Promise<ColumnMap<C> | null> {
  const rows = await q.query<{ columns: ColumnMap<C> }>(
    'select columns from import_column_maps where account_id = $1 and kind = $2',
    [accountId, kind],
  );
  return rows[0]?.columns ?? null;
}

export async function saveColumnMap(
  q: Queryable,
  accountId: string,
  kind: string,
  map: ColumnMap,
): Promise<void> {
  await q.query(
    `insert into import_column_maps (account_id, kind, columns) values ($1, $2, $3)
     on conflict (account_id, kind) do update set columns = excluded.columns, updated_at = now()`,
    [accountId, kind, JSON.stringify(map)],
  );
}

/** The kind's aliases with the saved map's header texts put first (they are what this person's files say). */
export function withSavedMap<C extends string>(
  aliases: ColumnAliases<C>,
  saved: ColumnMap<C> | null,
): ColumnAliases<C> {
  if (!saved) return aliases;
  const out = { ...aliases } as Record<C, readonly string[]>;
  for (const col of Object.keys(saved) as C[]) {
    const text = saved[col];
    if (text) out[col] = [text, ...(aliases[col] ?? [])];
  }
  return out;
}
