import { foldVietnamese, normalizeCccd, normalizeVnMobile } from '@phongdich/domain';
import type { AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import type { Queryable } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import {
  loadPerson,
  validPersonFields,
  type PersonInput,
  citizenMayRead,
  citizenPersonId,
  findByIdNumbers,
  personIdByPhone,
  type PersonRow,
  locationOf,
  createPersonIn,
} from '../people';
import type { VisitorInput } from '@phongdich/contracts/declarations';

export type { VisitorInput };

export interface Subject {
  person: PersonRow;
  /** The declarant's own person, when a citizen declares (for themselves or a relative). */
  declaredByPersonId: string | null;
  relation: 'self' | 'family' | 'staff';
}

/** A merged record hands its declarations to the record it was merged into. */
async function live(q: Queryable, id: string): Promise<PersonRow> {
  let row = await loadPerson(q, id);
  for (let hops = 0; row.merged_into && hops < 5; hops++) row = await loadPerson(q, row.merged_into);
  return row;
}

const noOwnRecord = () =>
  new AppError('CONFLICT', [
    fieldError(
      'person',
      'NO_OWN_RECORD',
      'Hãy tạo hồ sơ của bạn trước khi khai báo.',
      'Create your own record before declaring.',
    ),
  ]);

/** A citizen declares for themselves or for a family member they declared, nobody else. */
async function citizenSubject(q: Queryable, actor: Actor, personId?: string): Promise<Subject> {
  const own = await citizenPersonId(q, actor);
  if (!own) throw noOwnRecord();
  if (!personId || personId === own)
    return { person: await live(q, own), declaredByPersonId: own, relation: 'self' };
  if (!(await citizenMayRead(q, actor, personId))) {
    throw new AppError('FORBIDDEN', undefined, 'citizen declaring for someone outside their family');
  }
  return { person: await live(q, personId), declaredByPersonId: own, relation: 'family' };
}

const visitorMissing = () =>
  new AppError('VALIDATION_FAILED', [
    fieldError(
      'visitor',
      'VISITOR_IDENTITY_REQUIRED',
      'Cần số CCCD hoặc số điện thoại của người khai báo.',
      "The visitor's CCCD or phone number is required.",
    ),
  ]);

const detailsRequired = () =>
  new AppError('VALIDATION_FAILED', [
    fieldError(
      'visitor',
      'VISITOR_DETAILS_REQUIRED',
      'Cần họ tên, năm sinh, giới tính và xã/phường của người khai báo.',
      "The visitor's full name, birth year, sex and commune are required.",
    ),
  ]);

const detailsMismatch = () =>
  new AppError('VALIDATION_FAILED', [
    fieldError(
      'visitor',
      'VISITOR_DETAILS_MISMATCH',
      'Họ tên hoặc năm sinh không khớp với giấy tờ; hãy kiểm tra lại thẻ của người khai báo.',
      "The name or birth year does not match the papers; check the visitor's card again.",
    ),
  ]);

const birthYearOf = (v: VisitorInput) =>
  v.birthYear ?? (v.birthDate ? Number(v.birthDate.slice(0, 4)) : null);

/**
 * Staff may attach a declaration to a record in their own area; elsewhere only when the name and birth
 * year they read off the visitor's card agree with the record (knowing a CCCD or phone number is not
 * proof that its holder is standing at the desk).
 */
function mayAttach(actor: Actor, row: PersonRow, v: VisitorInput): boolean {
  if (inJurisdiction(actor, locationOf(row))) return true;
  const year = birthYearOf(v);
  return foldVietnamese(row.full_name) === foldVietnamese(v.fullName ?? '') && row.birth_year === year;
}

/**
 * Venue staff declaring for a visitor with no phone of their own: the person is matched in the registry
 * by CCCD, then by phone; an unknown visitor is registered with the details given (their home commune
 * may lie anywhere, as for a check-in). The details are required before any lookup, so the answer never
 * tells whether a number is registered.
 */
async function visitorSubject(tx: Queryable, ctx: AuditContext, v: VisitorInput): Promise<PersonRow> {
  const cccd = v.cccd ? normalizeCccd(v.cccd) : null;
  const phone = v.phone ? normalizeVnMobile(v.phone) : null;
  if (!cccd && !phone) throw visitorMissing();
  if (!v.fullName?.trim() || !v.sex || !v.communeCode || !birthYearOf(v)) throw detailsRequired();
  const found =
    (cccd && (await findByIdNumbers(tx, { cccd, cmnd: null, bhyt: null }, null))) ||
    (phone && (await personIdByPhone(tx, phone)));
  if (found) {
    const row = await live(tx, found);
    if (!mayAttach(ctx.actor, row, v)) throw detailsMismatch();
    return row;
  }
  const input: PersonInput = {
    fullName: v.fullName,
    birthYear: v.birthYear ?? null,
    birthDate: v.birthDate ?? null,
    sex: v.sex,
    cccd: v.cccd ?? null,
    phones: v.phone ? [v.phone] : [],
    communeCode: v.communeCode,
    street: v.street ?? null,
  };
  const f = await validPersonFields(tx, input);
  const created = await createPersonIn(tx, ctx, f, {
    revealExistingId: false,
    details: { as: 'declaration_visitor' },
  });
  return loadPerson(tx, created.id);
}

/**
 * Staff naming a record by its id declare for someone of their own area (an officer on the phone with
 * a resident); a visitor from elsewhere is identified from their card (`visitor`).
 */
async function staffSubject(tx: Queryable, actor: Actor, personId: string): Promise<PersonRow> {
  const row = await live(tx, personId);
  if (!inJurisdiction(actor, locationOf(row))) {
    throw new AppError('FORBIDDEN', undefined, 'declaration for a person outside jurisdiction');
  }
  return row;
}

/** Who the declaration is about, decided by who is declaring. */
export async function resolveSubject(
  tx: Queryable,
  ctx: AuditContext,
  input: { personId?: string; visitor?: VisitorInput },
): Promise<Subject> {
  const actor = ctx.actor;
  if (actor.kind === 'citizen') return citizenSubject(tx, actor, input.personId);
  if (input.personId)
    return {
      person: await staffSubject(tx, actor, input.personId),
      declaredByPersonId: null,
      relation: 'staff',
    };
  if (!input.visitor) throw visitorMissing();
  return {
    person: await visitorSubject(tx, ctx, input.visitor),
    declaredByPersonId: null,
    relation: 'staff',
  };
}
