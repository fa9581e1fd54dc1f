import ExcelJS from 'exceljs';
import {
  INVITATION_COLUMNS,
  type InvitationColumn,
  type InvitationColumnMap,
  type InvitationPreview,
  type InvitationRowError,
} from '@phongdich/contracts/vaccination-invitations';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import {
  detectHeader,
  loadColumnMap,
  readSpreadsheet,
  saveColumnMap,
  withSavedMap,
  type ColumnAliases,
  type ErrorSheet,
  type SheetFormat,
} from '../../core/import';
import { DOSE_ALIASES } from './vaccination.import.columns';

export const INVITATION_IMPORT_KIND = 'vaccination.invitations';
/** Invitation lists are a commune's: a few thousand rows, read and applied in the request. */
export const INVITATION_LIST_LIMITS = { maxRows: 20_000, maxUncompressedBytes: 32 * 1024 * 1024 };
/** A list's refused rows are kept this long for their error sheet (they are only needed to fix the list). */
export const INVITATION_LIST_RETENTION_DAYS = 7;

export const INVITATION_ALIASES: ColumnAliases<InvitationColumn> = {
  fullName: DOSE_ALIASES.fullName,
  birth: DOSE_ALIASES.birth,
  idNumber: DOSE_ALIASES.idNumber,
  bhyt: DOSE_ALIASES.bhyt,
  phone: DOSE_ALIASES.phone,
  group: [
    'nhóm ưu tiên',
    'nhóm',
    'đối tượng',
    'nhóm đối tượng',
    'đối tượng ưu tiên',
    'priority group',
    'group',
  ],
};

const LABELS: Record<InvitationColumn, { vi: string; en: string }> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birth: { vi: 'Ngày/năm sinh', en: 'Birth date or year' },
  idNumber: { vi: 'Số CCCD/CMND/hộ chiếu', en: 'ID number' },
  bhyt: { vi: 'Số thẻ BHYT', en: 'Health insurance card' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  group: { vi: 'Nhóm ưu tiên', en: 'Priority group' },
};

const accountOf = (ctx: AuditContext) => {
  const a = ctx.actor;
  if (a.kind !== 'staff' && a.kind !== 'machine') throw new AppError('FORBIDDEN');
  return a.accountId;
};

/** A list's refused row as kept for its error sheet: the cells as uploaded and why it was refused. */
export interface RefusedRow {
  row: number;
  cells: string[];
  errors: Omit<InvitationRowError, 'row'>[];
}

/** The uploader's saved map, the preview of a file, and the refused rows' error sheet. */
export function invitationListsService(db: Db) {
  return {
    async getColumnMap(ctx: AuditContext): Promise<InvitationColumnMap> {
      authorize(ctx.actor, 'vaccination.import');
      return (await loadColumnMap<InvitationColumn>(db, accountOf(ctx), INVITATION_IMPORT_KIND)) ?? {};
    },

    async putColumnMap(ctx: AuditContext, map: InvitationColumnMap): Promise<InvitationColumnMap> {
      authorize(ctx.actor, 'vaccination.import');
      const accountId = accountOf(ctx);
      const clean: InvitationColumnMap = {};
      for (const c of INVITATION_COLUMNS) {
        const text = map[c]?.trim();
        if (text) clean[c] = text;
      }
      await db.transaction(async (tx) => {
        await saveColumnMap(tx, accountId, INVITATION_IMPORT_KIND, clean);
        await recordAudit(tx, ctx, {
          action: 'vaccination.invitations.map',
          details: { columns: Object.keys(clean) },
        });
      });
      return clean;
    },

    /** The header found (the saved map's texts first) and which cell each column is; stores nothing. */
    async preview(ctx: AuditContext, bytes: Uint8Array): Promise<InvitationPreview> {
      authorize(ctx.actor, 'vaccination.import');
      const sheet = await readSpreadsheet(bytes, INVITATION_LIST_LIMITS);
      const saved = await loadColumnMap<InvitationColumn>(db, accountOf(ctx), INVITATION_IMPORT_KIND);
      const h = detectHeader(sheet.rows, withSavedMap(INVITATION_ALIASES, saved));
      return {
        headerRow: sheet.rows[h.at]?.row ?? 1,
        header: h.header,
        columns: Object.fromEntries(h.columns),
        rows: Math.max(0, sheet.rows.length - h.at - 1),
        labels: LABELS,
      };
    },

    /**
     * The refused rows of one of the caller's own lists as a spreadsheet (.xlsx for an .xlsx upload,
     * else CSV): the header and each refused row as uploaded, then the stable code and the Vietnamese
     * and English messages. Nothing the file did not have is added; the download is audited.
     */
    async errorSheet(ctx: AuditContext, id: string): Promise<ErrorSheet> {
      authorize(ctx.actor, 'vaccination.import');
      const rows = await db.query<{ format: SheetFormat; header: string[]; refused: RefusedRow[] }>(
        `select format, header, refused from vaccination_invitation_lists
         where id = $1 and uploaded_by_account_id = $2`,
        [id, accountOf(ctx)],
      );
      const list = rows[0];
      // Another officer's list, or one past its retention, is not found: its rows are not theirs to read.
      if (!list) throw new AppError('NOT_FOUND');
      await recordAudit(db, ctx, {
        action: 'vaccination.invitations.errors.download',
        details: { listId: id, rows: list.refused.length },
      });
      return refusedRowsSheet(list.format, list.header, list.refused);
    },
  };
}

/** Keeps a list's refused rows for their error sheet, in the import's transaction; null when none. */
export async function keepRefusedRows(
  tx: Queryable,
  l: {
    campaignId: string;
    siteId: string;
    accountId: string;
    format: SheetFormat;
    header: string[];
    refused: RefusedRow[];
    rowsTotal: number;
    matched: number;
  },
): Promise<string | null> {
  if (!l.refused.length) return null;
  const rows = await tx.query<{ id: string }>(
    `insert into vaccination_invitation_lists (campaign_id, site_id, uploaded_by_account_id, format, header,
       refused, rows_total, matched)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text`,
    [
      l.campaignId,
      l.siteId,
      l.accountId,
      l.format,
      JSON.stringify(l.header),
      JSON.stringify(l.refused),
      l.rowsTotal,
      l.matched,
    ],
  );
  return rows[0]!.id;
}

/** Deletes lists' refused rows past their retention (the app.jobs job `vaccination-invitation-lists`). */
export async function purgeInvitationLists(db: Db, now = new Date()): Promise<number> {
  const gone = await db.query(
    `delete from vaccination_invitation_lists where created_at < $1::timestamptz - make_interval(days => $2)
     returning id`,
    [now, INVITATION_LIST_RETENTION_DAYS],
  );
  return gone.length;
}

const EXTRA = ['Mã lỗi / Code', 'Lỗi', 'Error'];

function csvField(value: string): string {
  return /[",;\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function refusedRowsSheet(
  format: SheetFormat,
  header: string[],
  refused: RefusedRow[],
): Promise<ErrorSheet> {
  const width = Math.max(header.length, ...refused.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const lines = [
    [...pad(header), ...EXTRA],
    ...refused.map((r) => [
      ...pad(r.cells),
      r.errors.map((e) => e.code).join('; '),
      r.errors.map((e) => e.message.vi).join('; '),
      r.errors.map((e) => e.message.en).join('; '),
    ]),
  ];
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lỗi');
    for (const line of lines) ws.addRow(line);
    ws.getRow(1).font = { bold: true };
    for (const i of [1, 2, 3]) ws.getColumn(width + i).font = { color: { argb: 'FFB00020' } };
    return {
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  // UTF-8 with a BOM, so Excel opens the Vietnamese text as written.
  const text = lines.map((l) => l.map(csvField).join(',')).join('\r\n');
  return {
    bytes: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
  };
}
