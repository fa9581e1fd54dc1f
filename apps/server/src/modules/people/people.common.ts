import type { FieldError } from '@phongdich/contracts';
import type { UnitStructure } from '../../core/units/structure';
import type { Queryable } from '../../core/db/db';
import { AppError, assertNoFieldErrors, fieldError, valueDetail } from '../../core/errors';
import { locationOfCommune } from '../geo';
import { normalizePersonInput, type PersonInput } from './people.input';
import { familyOf, findByIdNumbers, findPerson } from './people.repository';
import type { Person, PersonFields, PersonRow } from './people.types';
import { toPerson } from './people.view';

export async function loadPerson(q: Queryable, id: string, forUpdate = false): Promise<PersonRow> {
  const row = await findPerson(q, id, forUpdate);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  return row;
}

export async function fullPerson(q: Queryable, row: PersonRow): Promise<Person> {
  return toPerson(row, await familyOf(q, row.id), { masked: false, canBreakGlass: false });
}

/** Validates the input and resolves its commune (on the deployment's map, named); throws VALIDATION_FAILED listing every problem. */
export async function validPersonFields(
  q: Queryable,
  input: PersonInput,
): Promise<PersonFields & { unitStructure: UnitStructure }> {
  const { fields, errors } = normalizePersonInput(input);
  const loc = fields.communeCode ? await locationOfCommune(q, fields.communeCode) : undefined;
  if (!loc) {
    errors.push(
      fieldError('communeCode', 'COMMUNE_NOT_FOUND', 'Không tìm thấy xã/phường này.', 'No such commune.'),
    );
  }
  assertNoFieldErrors(errors);
  return {
    ...fields,
    districtCode: loc!.districtCode,
    provinceCode: loc!.provinceCode,
    unitStructure: loc!.structure,
  };
}

/** 409 DUPLICATE_PERSON; details[0] = {field: 'existingId', code: <the existing record's id>}. */
export function duplicateError(existingId: string | null): AppError {
  const details: FieldError[] = existingId
    ? [
        valueDetail(
          'existingId',
          existingId,
          'Số giấy tờ đã thuộc về một hồ sơ khác.',
          'The identity number already belongs to another record.',
        ),
      ]
    : [];
  return new AppError('DUPLICATE_PERSON', details);
}

/** Refuses a record whose identity number another live record already holds. */
export async function assertNoIdDuplicate(
  q: Queryable,
  f: PersonFields,
  exceptId: string | null,
  revealId = true,
): Promise<void> {
  const existing = await findByIdNumbers(q, f, exceptId);
  if (existing) throw duplicateError(revealId ? existing : null);
}

/** A unique-index violation: two requests created the same identity number at once. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}

/** Which fields differ, with old and new values, for person_history. */
export function changedFields(before: PersonRow, after: PersonFields) {
  const pairs: [string, unknown, unknown][] = [
    ['fullName', before.full_name, after.fullName],
    ['birthDate', before.birth_date, after.birthDate],
    ['birthYear', before.birth_year, after.birthYear],
    ['sex', before.sex, after.sex],
    ['nationality', before.nationality, after.nationality],
    ['cccd', before.cccd, after.cccd],
    ['cmnd', before.cmnd, after.cmnd],
    ['passport', before.passport, after.passport],
    ['bhyt', before.bhyt, after.bhyt],
    ['phones', before.phones, after.phones],
    ['communeCode', before.commune_code, after.communeCode],
    ['street', before.street, after.street],
  ];
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, from, to] of pairs) {
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[k] = { from, to };
  }
  return changes;
}
