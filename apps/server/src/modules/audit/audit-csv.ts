import type { AuditRow } from './audit.repository';

/** Quotes every field; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  'id',
  'at',
  'actorAccountId',
  'actorRole',
  'actorUnit',
  'actorName',
  'action',
  'personId',
  'ip',
  'reason',
  'breakGlass',
  'details',
];

export function csvLine(r: AuditRow): string {
  return [
    r.id,
    r.at,
    r.actor_account_id,
    r.actor_role,
    r.actor_unit,
    r.actor_name,
    r.action,
    r.person_id,
    r.ip,
    r.reason,
    r.break_glass,
    r.details,
  ]
    .map(csvField)
    .join(',');
}

/** UTF-8 byte-order mark first, so Excel opens Vietnamese names correctly; CRLF line ends per RFC 4180. */
export function toCsv(rows: AuditRow[]): string {
  return '\uFEFF' + [CSV_HEADER.map(csvField).join(','), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
