import { foldVietnamese, normalizeCccd, normalizeVnMobile } from '@phongdich/domain';
import { ERRORS, type FieldError } from '@phongdich/contracts';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import {
  normalizePersonInput,
  type PersonInput,
  findByIdNumbers,
  createPersonIn,
  matchPeople,
} from '../people';
import { addTarget } from './sessions.repository';
import { loadSession } from './sessions.service';
import { locOf, type SessionRow } from './sampling.types';
import { MAX_TARGET_FILE_ROWS, parseTargetFile, type TargetRow } from './targets.parse';

export const MAX_IMPORT_ROWS = MAX_TARGET_FILE_ROWS;

export interface RowError {
  row: number;
  field: string;
  code: string;
  message: { vi: string; en: string };
}

function parseBirth(raw: string): Pick<PersonInput, 'birthDate' | 'birthYear'> {
  const s = raw.trim();
  if (/^\d{4}$/.test(s)) return { birthYear: Number(s) };
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return { birthDate: `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` };
  return { birthDate: s || null };
}

function parseSex(raw: string): PersonInput['sex'] | null {
  const f = foldVietnamese(raw).trim();
  if (['nam', 'male', 'm', 'trai'].includes(f)) return 'male';
  if (['nu', 'female', 'f', 'gai'].includes(f)) return 'female';
  if (['khac', 'other'].includes(f)) return 'other';
  return null;
}

function toInput(r: TargetRow, session: SessionRow): { input: PersonInput; errors: FieldError[] } {
  const c = r.cells;
  const errors: FieldError[] = [];
  const sex = parseSex(c.sex ?? '');
  if (!sex) {
    errors.push({
      field: 'sex',
      code: 'SEX_FORMAT',
      message: { vi: 'Giới tính ghi "Nam", "Nữ" hoặc "Khác".', en: 'Sex must be "Nam", "Nữ" or "Khác".' },
    });
  }
  const id = (c.cccd ?? '').replace(/[\s.-]/g, '');
  const input: PersonInput = {
    fullName: c.fullName ?? '',
    ...parseBirth(c.birth ?? ''),
    sex: sex ?? 'other',
    cccd: id.length === 12 ? id : null,
    cmnd: id.length === 9 ? id : null,
    phones: c.phone ? [c.phone] : [],
    communeCode: session.commune_code,
    street: c.address || null,
  };
  if (id && id.length !== 12 && id.length !== 9) {
    errors.push({
      field: 'cccd',
      code: 'ID_FORMAT',
      message: { vi: 'CCCD có 12 chữ số (CMND 9).', en: 'A CCCD has 12 digits (CMND 9).' },
    });
  }
  return { input, errors };
}

/** An existing person: same identity number, or same phone with the same folded name and birth year. */
async function match(q: Queryable, input: PersonInput): Promise<string | undefined> {
  const cccd = input.cccd ? normalizeCccd(input.cccd) : null;
  const byId = await findByIdNumbers(q, { cccd, cmnd: input.cmnd ?? null, bhyt: null }, null);
  if (byId) return byId;
  const phone = input.phones?.[0] ? normalizeVnMobile(input.phones[0]) : null;
  if (!phone) return undefined;
  const year = input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : null);
  if (!year) return undefined;
  // People's phone + birth year match (up to 3 live candidates), then the same folded name among them
  // through person_brief: a match only when exactly one is left.
  const [byPhone] = await matchPeople(q, [{ phone, birthYear: year }]);
  if (!byPhone?.ids.length) return undefined;
  const rows = await q.query<{ id: string }>(
    `select id::text as id from person_brief where id = any($1::uuid[]) and name_folded = $2 limit 2`,
    [byPhone.ids, foldVietnamese(input.fullName.normalize('NFC').trim().replace(/\s+/g, ' '))],
  );
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/**
 * Imports a target list: each row is matched to the people registry (identity number, or phone + name +
 * birth year) or creates a person, in its own transaction, so a bad row is reported and never blocks
 * or half-writes the others.
 */
export function targetImportService(db: Db) {
  return {
    async importFile(ctx: AuditContext, sessionId: string, bytes: Uint8Array) {
      authorize(ctx.actor, 'testing.session.manage');
      const session = await loadSession(db, sessionId);
      authorize(ctx.actor, 'testing.session.manage', locOf(session));
      const { rows } = await parseTargetFile(bytes);
      if (rows.length > MAX_IMPORT_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', undefined, 'too many rows');
      const errors: RowError[] = [];
      const counts = { added: 0, matched: 0, created: 0, alreadyListed: 0 };
      for (const r of rows) {
        const { input, errors: rowErrors } = toInput(r, session);
        const fail = (list: FieldError[]) => list.forEach((e) => errors.push({ row: r.row, ...e }));
        if (rowErrors.length) {
          fail(rowErrors);
          continue;
        }
        try {
          const outcome = await db.transaction(async (tx) => {
            let personId = await match(tx, input);
            const found = Boolean(personId);
            if (!personId) {
              const { fields, errors: invalid } = normalizePersonInput(input);
              if (invalid.length) throw new AppError('VALIDATION_FAILED', invalid);
              const person = await createPersonIn(
                tx,
                ctx,
                { ...fields, districtCode: session.district_code, provinceCode: session.province_code },
                { revealExistingId: false, details: { via: 'testing.targets.import', sessionId } },
              );
              personId = person.id;
            }
            return { found, added: await addTarget(tx, sessionId, personId, 'import') };
          });
          counts[outcome.found ? 'matched' : 'created']++;
          counts[outcome.added ? 'added' : 'alreadyListed']++;
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          // The row's own transaction rolled back: nothing of it was written.
          const { vi, en } = ERRORS[err.code];
          fail(err.details?.length ? err.details : [{ field: 'row', code: err.code, message: { vi, en } }]);
        }
      }
      await db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'testing.targets.import',
          details: { sessionId, rows: rows.length, ...counts, errors: errors.length },
        }),
      );
      return { rows: rows.length, ...counts, errors };
    },
  };
}
