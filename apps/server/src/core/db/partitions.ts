import type { Queryable } from './db';

/**
 * Time partitions of tables partitioned `by range (<timestamptz>)`, in UTC. The name carries the
 * range, so no catalogue parsing is needed to find old partitions:
 * day `<table>_pYYYY_MM_DD`, week (Monday) `<table>_wYYYY_MM_DD`, month `<table>_pYYYY_MM`.
 */
export type PartitionUnit = 'day' | 'week' | 'month';

export interface Partition {
  name: string;
  unit: PartitionUnit;
  /** First instant (inclusive) and end (exclusive) of the range. */
  from: Date;
  to: Date;
}
export type MonthlyPartition = Partition;

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}_${pad(d.getUTCMonth() + 1)}_${pad(d.getUTCDate())}`;
const bound = (d: Date) => `${d.toISOString().slice(0, 10)} 00:00:00+00`;

/** Start of the unit containing `d`, moved by `add` units. */
export function unitStart(unit: PartitionUnit, d: Date, add = 0): Date {
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (unit === 'day') return new Date(day + add * DAY_MS);
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS + add * 7 * DAY_MS);
}

export function partitionName(table: string, unit: PartitionUnit, start: Date): string {
  if (unit === 'month') return `${table}_p${start.getUTCFullYear()}_${pad(start.getUTCMonth() + 1)}`;
  return `${table}_${unit === 'week' ? 'w' : 'p'}${ymd(start)}`;
}

export const monthlyPartitionName = (table: string, month: Date): string =>
  partitionName(table, 'month', month);

function assertIdentifier(table: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a plain table name: ${table}`);
}

/**
 * Creates `count` partitions of `table` from the unit containing `from`, skipping those that exist.
 * Safe to call at every start, daily, and from several processes at once. Returns the names ensured.
 */
export async function ensurePartitions(
  q: Queryable,
  table: string,
  unit: PartitionUnit,
  from: Date,
  count: number,
): Promise<string[]> {
  assertIdentifier(table);
  const created: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = unitStart(unit, from, i);
    const name = partitionName(table, unit, start);
    try {
      await q.exec(
        `create table if not exists ${name} partition of ${table}
         for values from ('${bound(start)}') to ('${bound(unitStart(unit, from, i + 1))}')`,
      );
      created.push(name);
    } catch (err) {
      // Another process created it between our check and our create.
      const code = (err as { code?: string }).code;
      if (code !== '42P07' && code !== '23505') throw err;
    }
  }
  return created;
}

/** Monthly partitions (UTC months), as the declarations use. */
export function ensureMonthlyPartitions(q: Queryable, table: string, from: Date, months: number) {
  return ensurePartitions(q, table, 'month', from, months);
}

/** The partitions of `table` named by `ensurePartitions`, oldest first. */
export async function listPartitions(q: Queryable, table: string): Promise<Partition[]> {
  assertIdentifier(table);
  const rows = await q.query<{ name: string }>(
    `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent
     where p.relname = $1`,
    [table],
  );
  const pattern = new RegExp(`^${table}_([pw])(\\d{4})_(\\d{2})(?:_(\\d{2}))?$`);
  const out: Partition[] = [];
  for (const { name } of rows) {
    const m = pattern.exec(name);
    if (!m) continue;
    const unit: PartitionUnit = m[4] === undefined ? 'month' : m[1] === 'w' ? 'week' : 'day';
    const from = new Date(Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4] ?? 1)));
    out.push({ name, unit, from, to: unitStart(unit, from, 1) });
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

export async function monthlyPartitions(q: Queryable, table: string): Promise<MonthlyPartition[]> {
  return (await listPartitions(q, table)).filter((p) => p.unit === 'month');
}
