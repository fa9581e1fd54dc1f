import {
  foldVietnamese,
  normalizeBhyt,
  normalizeCccd,
  normalizeCmnd,
  normalizeVnMobile,
  validateBhyt,
  validateCccd,
  validateCmnd,
  validateVnMobile,
  type IdentityProblem,
} from '@phongdich/domain';
import type { FieldError } from '@phongdich/contracts';
import { fieldError } from '../../core/errors';
import type { PersonFields } from './people.types';

/** What a client sends to create a person (PATCH sends any subset plus `version`). */
export interface PersonInput {
  fullName: string;
  birthDate?: string | null;
  birthYear?: number | null;
  sex: 'male' | 'female' | 'other';
  nationality?: string;
  cccd?: string | null;
  cmnd?: string | null;
  passport?: string | null;
  bhyt?: string | null;
  phones?: string[];
  communeCode: string;
  street?: string | null;
}

const toField = (field: string) => (p: IdentityProblem) => fieldError(field, p.code, p.vi, p.en);
const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

function birth(input: PersonInput, errors: FieldError[], now: Date): { date: string | null; year: number } {
  const date = blank(input.birthDate);
  let year = input.birthYear ?? null;
  if (date) {
    const d = new Date(`${date}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(d.getTime()) ||
      d.toISOString().slice(0, 10) !== date
    ) {
      errors.push(
        fieldError('birthDate', 'BIRTH_DATE_FORMAT', 'Ngày sinh không hợp lệ.', 'Invalid birth date.'),
      );
      return { date: null, year: year ?? 0 };
    }
    if (year !== null && year !== d.getUTCFullYear()) {
      errors.push(
        fieldError(
          'birthYear',
          'BIRTH_YEAR_MISMATCH',
          'Năm sinh không khớp ngày sinh.',
          'Birth year does not match the birth date.',
        ),
      );
    }
    year = d.getUTCFullYear();
    if (d > now)
      errors.push(
        fieldError(
          'birthDate',
          'BIRTH_DATE_FUTURE',
          'Ngày sinh ở tương lai.',
          'Birth date is in the future.',
        ),
      );
  }
  if (year === null) {
    errors.push(
      fieldError(
        'birthYear',
        'BIRTH_REQUIRED',
        'Cần ngày sinh hoặc năm sinh.',
        'A birth date or year is required.',
      ),
    );
    return { date, year: 0 };
  }
  if (year < 1890 || year > now.getUTCFullYear()) {
    errors.push(
      fieldError('birthYear', 'BIRTH_YEAR_RANGE', 'Năm sinh không hợp lệ.', 'Birth year out of range.'),
    );
  }
  return { date, year };
}

/**
 * Normalises a person's fields and collects every field-level problem (not just the first), using the
 * shared domain validators so the web form and the server agree. The commune is checked by the caller.
 */
export function normalizePersonInput(
  input: PersonInput,
  now: Date = new Date(),
): { fields: Omit<PersonFields, 'districtCode' | 'provinceCode'>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  const nameFolded = foldVietnamese(fullName);
  if (!nameFolded) {
    errors.push(fieldError('fullName', 'NAME_REQUIRED', 'Cần nhập họ tên.', 'Full name is required.'));
  }
  const b = birth(input, errors, now);
  const cccd = blank(input.cccd) && normalizeCccd(input.cccd!);
  if (cccd)
    errors.push(
      ...validateCccd(cccd, { birthYear: b.year || null, sex: input.sex }, now).map(toField('cccd')),
    );
  const cmnd = blank(input.cmnd) && normalizeCmnd(input.cmnd!);
  if (cmnd) errors.push(...validateCmnd(cmnd).map(toField('cmnd')));
  const bhyt = blank(input.bhyt) && normalizeBhyt(input.bhyt!);
  if (bhyt) errors.push(...validateBhyt(bhyt).map(toField('bhyt')));
  const passport = blank(input.passport)?.replace(/\s+/g, '').toUpperCase() ?? null;
  if (passport && !/^[A-Z0-9]{6,12}$/.test(passport)) {
    errors.push(
      fieldError('passport', 'PASSPORT_FORMAT', 'Số hộ chiếu không hợp lệ.', 'Invalid passport number.'),
    );
  }
  const phones: string[] = [];
  (input.phones ?? []).forEach((raw, i) => {
    const phone = normalizeVnMobile(raw);
    if (phone) {
      if (!phones.includes(phone)) phones.push(phone);
    } else errors.push(...validateVnMobile(raw).map(toField(`phones.${i}`)));
  });
  const nationality = (input.nationality ?? 'VN').toUpperCase();
  if (!/^[A-Z]{2}$/.test(nationality)) {
    errors.push(
      fieldError(
        'nationality',
        'NATIONALITY_FORMAT',
        'Mã quốc tịch gồm 2 chữ cái.',
        'Nationality is a 2-letter code.',
      ),
    );
  }
  return {
    fields: {
      fullName,
      nameFolded,
      birthDate: b.date,
      birthYear: b.year,
      sex: input.sex,
      nationality,
      cccd: cccd || null,
      cmnd: cmnd || null,
      passport,
      bhyt: bhyt || null,
      phones,
      communeCode: input.communeCode.trim(),
      street: blank(input.street),
    },
    errors,
  };
}

/** Identity numbers are compared in the stored form: no spaces, upper case. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}
