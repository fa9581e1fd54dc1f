import type { FieldError } from '@phongdich/contracts';
import { foldVietnamese, normaliseTypedPhone, parseBirth, parseIdNumber } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import {
  detectHeader,
  loadColumnMap,
  readSpreadsheet,
  withSavedMap,
  type ColumnAliases,
} from '../../core/import';
import { findPerson, locationOf } from './vaccination.deps';
import { matchPeople, type PersonMatchKey } from '../people';
import { catalogueInForce } from './vaccination.catalogue';
import { DOSE_ALIASES } from './vaccination.import.columns';
import { invitationTarget, writeInvitations, type Invitee } from './vaccination.invitations';
import { setPriorityGroup } from './vaccination.priority';

type InviteColumn = 'fullName' | 'birth' | 'idNumber' | 'bhyt' | 'phone' | 'group';
export const INVITATION_IMPORT_KIND = 'vaccination.invitations';
/** Invitation lists are a commune's: a few thousand rows, read and applied in the request. */
const LIMITS = { maxRows: 20_000, maxUncompressedBytes: 32 * 1024 * 1024 };

const ALIASES: ColumnAliases<InviteColumn> = {
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
) {
  const { site } = await invitationTarget(db, ctx, campaignId, siteId);
  const accountId = ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId;
  const sheet = await readSpreadsheet(bytes, LIMITS);
  const saved = await loadColumnMap<InviteColumn>(db, accountId, INVITATION_IMPORT_KIND);
  const header = detectHeader(sheet.rows, withSavedMap(ALIASES, saved));
  const catalogue = await catalogueInForce(db, 'covid-19', new Date());
  const groupOf = new Map<string, string>();
  for (const g of catalogue.priorityGroups)
    for (const text of [g.code, g.name.vi, g.name.en]) groupOf.set(foldVietnamese(text), g.code);

  const errors: InvitationRowError[] = [];
  const keys: { row: number; key: PersonMatchKey; group: string }[] = [];
  for (const r of sheet.rows.slice(header.at + 1)) {
    const cell = (c: InviteColumn) => {
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
  const written = await db.transaction(async (tx) => {
    for (const p of invitees) {
      await setPriorityGroup(tx, { personId: p.personId, group: p.group, source: 'import', accountId });
      await recordAudit(tx, ctx, {
        action: 'vaccination.priorityGroup.set',
        personId: p.personId,
        details: { group: p.group, source: 'import' },
      });
    }
    return writeInvitations(tx, ctx, { campaignId, site, source: 'import', bookingUrl, invitees });
  });
  errors.sort((a, b) => a.row - b.row);
  return { rows: sheet.rows.length - header.at - 1, matched: invitees.length, ...written, errors };
}
