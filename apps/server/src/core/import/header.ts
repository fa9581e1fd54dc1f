import { foldVietnamese } from '@phongdich/domain';
import type { SheetRow } from './read';

/** Header names accepted for each column of an import kind (any case, with or without diacritics). */
export type ColumnAliases<C extends string> = Record<C, readonly string[]>;

export interface HeaderMatch<C extends string> {
  /** Index of the header in the sheet's rows (rows after it are data). */
  at: number;
  header: string[];
  /** Column → position in a row. */
  columns: Map<C, number>;
}

const fold = (s: string) => foldVietnamese(s.replace(/^\uFEFF/, ''));

/** Which header cells name which columns: each column takes the first cell that names it. */
export function mapHeader<C extends string>(header: string[], aliases: ColumnAliases<C>): Map<C, number> {
  const folded = new Map<string, C>();
  for (const col of Object.keys(aliases) as C[]) for (const a of aliases[col]) folded.set(fold(a), col);
  const columns = new Map<C, number>();
  header.forEach((h, i) => {
    const col = folded.get(fold(h));
    if (col && !columns.has(col)) columns.set(col, i);
  });
  return columns;
}

/**
 * The header row: of the first rows (titles, a ministry's form heading, merged cells above the table),
 * the one whose cells name the most known columns. Ties go to the earlier row; with no row naming any
 * column, the first row is the header (its columns are then mapped by the person).
 */
export function detectHeader<C extends string>(
  rows: SheetRow[],
  aliases: ColumnAliases<C>,
  scanRows = 15,
): HeaderMatch<C> {
  let best = { at: 0, columns: new Map<C, number>() };
  rows.slice(0, scanRows).forEach((r, at) => {
    const columns = mapHeader(r.cells, aliases);
    if (columns.size > best.columns.size) best = { at, columns };
  });
  return { ...best, header: (rows[best.at]?.cells ?? []).map((h) => h.replace(/^\uFEFF/, '').trim()) };
}
