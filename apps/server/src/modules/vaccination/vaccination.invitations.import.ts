import type { FieldError } from '@phongdich/contracts';
import type { InvitationColumn, InvitationImportResult } from '@phongdich/contracts/vaccination-invitations';
import { foldVietnamese, normaliseTypedPhone, parseBirth, parseIdNumber } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { detectHeader, loadColumnMap, readSpreadsheet, withSavedMap } from '../../core/import';
import { findPerson, locationOf } from './vaccination.deps';
import { matchPeople, type PersonMatchKey } from '../people';
import { catalogueInForce } from './vaccination.catalogue';
import {
  INVITATION_ALIASES,
  INVITATION_IMPORT_KIND,
  INVITATION_LIST_LIMITS,
  keepRefusedRows,
  type RefusedRow,
} from './vaccination.invitations.lists';
import { invitationTarget, writeInvitations, type Invitee } from './vaccination.invitations';
import { setPriorityGroup } from './vaccination.priority';

const rowError = (row: number, field: string, code: FieldError['code'], vi: string, en: string) => ({
  row,
  field,
  code,
  message: { vi, en },
});
export type InvitationRowError = ReturnType<typeof rowError>;

/**
 * An invitation list (CSV or .xlsx, through core/import: header found among the first rows, the
 * uploader's saved column map honoured): each row names a person (ID number, BHYT, or phone + birth
 * year) and their priority group (code or name as the catalogue writes it). Matched people of the
 * officer's area get the group recorded (source 'import') and an invitation; the rest come back as row
 * errors with stable codes. Re-importing the same list invites nobody twice.
 */
export async function importInvitationList(
  db: Db,
  ctx: AuditContext,
  campaignId: string,
  siteId: string,
  bytes: Uint8Array,
  bookingUrl: string,
): Promise<InvitationImportResult> {
  const { site } = await invitationTarget(db, ctx, campaignId, siteId);
  const accountId = ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId;
  const sheet = await readSpreadsheet(bytes, INVITATION_LIST_LIMITS);
  const saved = await loadColumnMap<InvitationColumn>(db, accountId, INVITATION_IMPORT_KIND);
  const header = detectHeader(sheet.rows, withSavedMap(INVITATION_ALIASES, saved));
  const catalogue = await catalogueInForce(db, 'covid-19', new Date());
  const groupOf = new Map<string, string>();
  for (const g of catalogue.priorityGroups)
    for (const text of [g.code, g.name.vi, g.name.en]) groupOf.set(foldVietnamese(text), g.code);

  const errors: InvitationRowError[] = [];
  const keys: { row: number; key: PersonMatchKey; group: string }[] = [];
  for (const r of sheet.rows.slice(header.at + 1)) {
    const cell = (c: InvitationColumn) => {
      const at = header.columns.get(c);
      return at === undefined ? '' : (r.cells[at] ?? '').trim();
    };
    const group = groupOf.get(foldVietnamese(cell('group')));
    if (!group) {
      errors.push(
        rowError(
          r.row,
          'group',
          'unknown_priority_group',
          'Nhóm ưu tiên không có trong danh mục',
          'Priority group not in the catalogue',
        ),
      );
      continue;
    }
    const key: PersonMatchKey = {};
    const id = cell('idNumber') ? parseIdNumber(cell('idNumber')) : null;
    if (id) key[id.kind] = id.value;
    const bhyt = cell('bhyt') ? parseIdNumber(cell('bhyt')) : null;
    if (bhyt?.kind === 'bhyt') key.bhyt = bhyt.value;
    key.phone = cell('phone') ? normaliseTypedPhone(cell('phone')) : null;
    const birth = cell('birth') ? parseBirth(cell('birth')) : null;
    if (birth?.ok) [key.birthYear, key.birthDate] = [birth.year, birth.date];
    if (cell('fullName')) key.nameFolded = foldVietnamese(cell('fullName'));
    key.communeCode = site.commune_code;
    if (!key.cccd && !key.cmnd && !key.passport && !key.bhyt && !(key.phone && key.birthYear)) {
      errors.push(
        rowError(
          r.row,
          'idNumber',
          'ID_FORMAT',
          'Cần CCCD/CMND/BHYT, hoặc số điện thoại và năm sinh',
          'An ID number, or a phone and birth year, is needed',
        ),
      );
      continue;
    }
    keys.push({ row: r.row, key, group });
  }
  const matches = await matchPeople(
    db,
    keys.map((k) => k.key),
  );
  const invitees: Invitee[] = [];
  const seen = new Set<string>();
  for (const [i, k] of keys.entries()) {
    const m = matches[i];
    if (!m || m.ids.length !== 1) {
      errors.push(
        m
          ? rowError(
              k.row,
              'idNumber',
              'AMBIGUOUS_PERSON',
              'Nhiều người khớp: mời từ danh sách theo nhóm',
              'More than one person matches',
            )
          : rowError(
              k.row,
              'idNumber',
              'PERSON_NOT_FOUND',
              'Không tìm thấy người này trong sổ dân',
              'Nobody in the registry matches',
            ),
      );
      continue;
    }
    const person = await findPerson(db, m.ids[0]!);
    if (!person || !inJurisdiction(ctx.actor, locationOf(person))) {
      errors.push(
        rowError(
          k.row,
          'idNumber',
          'OUT_OF_AREA',
          'Người này ở ngoài địa bàn của bạn',
          'This person lives outside your area',
        ),
      );
      continue;
    }
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    invitees.push({
      personId: person.id,
      group: k.group,
      phone: person.phones[0] ?? null,
      communeCode: person.commune_code,
      districtCode: person.district_code,
      provinceCode: person.province_code,
      unitStructure: person.unit_structure,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  // The refused rows as uploaded, for the error sheet: the file's own cells, nothing from the registry.
  const cellsOf = new Map(sheet.rows.map((r) => [r.row, r.cells]));
  const refused: RefusedRow[] = [];
  for (const e of errors) {
    const last = refused[refused.length - 1];
    const error = { field: e.field, code: e.code, message: e.message };
    if (last?.row === e.row) last.errors.push(error);
    else refused.push({ row: e.row, cells: cellsOf.get(e.row) ?? [], errors: [error] });
  }
  const rowsTotal = sheet.rows.length - header.at - 1;
  const written = await db.transaction(async (tx) => {
    for (const p of invitees) {
      await setPriorityGroup(tx, { personId: p.personId, group: p.group, source: 'import', accountId });
      await recordAudit(tx, ctx, {
        action: 'vaccination.priorityGroup.set',
        personId: p.personId,
        details: { group: p.group, source: 'import' },
      });
    }
    const importId = await keepRefusedRows(tx, {
      campaignId,
      siteId: site.id,
      accountId,
      format: sheet.format,
      header: header.header,
      refused,
      rowsTotal,
      matched: invitees.length,
    });
    const res = await writeInvitations(tx, ctx, { campaignId, site, source: 'import', bookingUrl, invitees });
    return { importId, ...res };
  });
  return { rows: rowsTotal, matched: invitees.length, ...written, errors };
}
