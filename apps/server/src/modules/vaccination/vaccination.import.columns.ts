import type { FieldErrorCode } from '@phongdich/contracts';
import {
  decodeCccd,
  matchProduct,
  normaliseName,
  normaliseTypedPhone,
  parseBirth,
  parseIdNumber,
  parseTypedDate,
  foldVietnamese,
  type VaccinationCatalogue,
} from '@phongdich/domain';
import type { FieldError } from '@phongdich/contracts';
import { DOSE_IMPORT_COLUMNS, type DoseImportColumn } from '@phongdich/contracts/vaccination-import';
import type { ColumnAliases } from '../../core/import';

/** The columns a dose list may have; a list needs the vaccine and the date, and a person's name + birth or an ID. */
export const DOSE_COLUMNS = DOSE_IMPORT_COLUMNS;
export type DoseColumn = DoseImportColumn;
export const DOSE_IMPORT_KIND = 'vaccination.doses';

/** Header texts seen in provinces' lists (compared folded). */
export const DOSE_ALIASES: ColumnAliases<DoseColumn> = {
  fullName: ['họ và tên', 'họ tên', 'tên', 'họ và tên người được tiêm', 'full name', 'name'],
  birth: [
    'ngày sinh',
    'năm sinh',
    'ngày/năm sinh',
    'ngày tháng năm sinh',
    'date of birth',
    'dob',
    'birth date',
    'birth year',
  ],
  sex: ['giới tính', 'giới', 'sex', 'gender'],
  idNumber: [
    'cccd',
    'số cccd',
    'cmnd',
    'cccd/cmnd',
    'số cccd/cmnd',
    'cmnd/cccd',
    'số giấy tờ',
    'giấy tờ tùy thân',
    'căn cước công dân',
    'hộ chiếu',
    'id number',
    'passport',
  ],
  bhyt: ['bhyt', 'số thẻ bhyt', 'mã thẻ bhyt', 'thẻ bhyt', 'mã bhyt'],
  phone: ['sđt', 'số điện thoại', 'điện thoại', 'số đt', 'phone', 'mobile'],
  commune: ['mã xã', 'mã xã/phường', 'mã đơn vị', 'commune code', 'commune'],
  address: ['địa chỉ', 'địa chỉ cư trú', 'nơi ở', 'address'],
  product: ['tên vắc xin', 'vắc xin', 'loại vắc xin', 'vaccine', 'vắcxin', 'vacxin', 'product'],
  date: [
    'ngày tiêm',
    'ngày tiêm chủng',
    'thời gian tiêm',
    'ngày giờ tiêm',
    'vaccination date',
    'date of vaccination',
    'date',
  ],
  lot: ['số lô', 'lô vắc xin', 'lô', 'lot', 'lot number'],
};

export const DOSE_COLUMN_LABELS: Record<DoseColumn, { vi: string; en: string }> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birth: { vi: 'Ngày/năm sinh', en: 'Birth date or year' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  idNumber: { vi: 'CCCD/CMND/hộ chiếu', en: 'ID number' },
  bhyt: { vi: 'Số thẻ BHYT', en: 'Health insurance card' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  commune: { vi: 'Mã xã/phường', en: 'Commune code' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  product: { vi: 'Tên vắc xin', en: 'Vaccine' },
  date: { vi: 'Ngày tiêm', en: 'Vaccination date' },
  lot: { vi: 'Số lô', en: 'Lot number' },
};

/** Columns without which no row can be read. */
export const DOSE_REQUIRED: DoseColumn[] = ['product', 'date'];

/** One row read and normalised: what the person is, and the dose. */
export interface DoseRowData {
  fullName: string | null;
  nameFolded: string | null;
  birthDate: string | null;
  birthYear: number | null;
  sex: 'male' | 'female' | 'other';
  cccd: string | null;
  cmnd: string | null;
  passport: string | null;
  bhyt: string | null;
  phone: string | null;
  communeCode: string | null;
  street: string | null;
  productMp: string;
  /** yyyy-mm-dd, the day in Viet Nam */
  date: string;
  /** HH:MM when the file gave one */
  time: string | null;
  lot: string | null;
}

const err = (field: string, code: FieldErrorCode, vi: string, en: string): FieldError => ({
  field,
  code,
  message: { vi, en },
});

const DATE_TEXT: Record<string, [string, string]> = {
  DATE_FORMAT: ['không đọc được ngày (ghi dd/mm/yyyy)', 'date not readable (write dd/mm/yyyy)'],
  DATE_INVALID: ['ngày không có thật', 'no such date'],
  DATE_AMBIGUOUS: [
    'ngày có thể hiểu hai cách (tháng trước ngày?): ghi dd/mm/yyyy',
    'date can be read two ways (month first?): write dd/mm/yyyy',
  ],
};

function parseSex(raw: string): 'male' | 'female' | 'other' | null {
  const f = foldVietnamese(raw);
  if (!f) return null;
  if (['nam', 'male', 'm', 'trai'].includes(f)) return 'male';
  if (['nu', 'female', 'f', 'gai'].includes(f)) return 'female';
  if (['khac', 'other'].includes(f)) return 'other';
  return null;
}

/**
 * A row's cells to a dose and its person, or the row's errors (each with a stable code). Nothing is
 * guessed: an ambiguous date, an unknown vaccine or a malformed number is an error the officer fixes.
 */
export function normaliseDoseRow(
  cells: Partial<Record<DoseColumn, string>>,
  catalogue: VaccinationCatalogue,
  defaults: { communeCode: string | null },
  today = new Date(),
): { ok: true; data: DoseRowData } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (c: DoseColumn) => (cells[c] ?? '').trim();

  const name = normaliseName(text('fullName'));
  let birthDate: string | null = null;
  let birthYear: number | null = null;
  if (text('birth')) {
    const b = parseBirth(text('birth'), today);
    if (b.ok) [birthDate, birthYear] = [b.date, b.year];
    else {
      const [vi, en] = DATE_TEXT[b.code]!;
      errors.push(err('birth', `BIRTH_${b.code}`, `Ngày sinh: ${vi}`, `Birth: ${en}`));
    }
  }
  let cccd: string | null = null;
  let cmnd: string | null = null;
  let passport: string | null = null;
  let bhyt: string | null = null;
  if (text('idNumber')) {
    const id = parseIdNumber(text('idNumber'));
    if (!id || id.kind === 'bhyt') {
      if (id?.kind === 'bhyt') bhyt = id.value;
      else
        errors.push(
          err(
            'idNumber',
            'ID_FORMAT',
            'Số giấy tờ: CCCD 12 số, CMND 9 số hoặc hộ chiếu',
            'ID: CCCD 12 digits, CMND 9 or a passport',
          ),
        );
    } else if (id.kind === 'cccd') cccd = id.value;
    else if (id.kind === 'cmnd') cmnd = id.value;
    else passport = id.value;
  }
  if (text('bhyt')) {
    const id = parseIdNumber(text('bhyt'));
    if (id?.kind === 'bhyt') bhyt = id.value;
    else
      errors.push(
        err('bhyt', 'BHYT_FORMAT', 'Thẻ BHYT: 2 chữ cái và 13 chữ số', 'BHYT: 2 letters and 13 digits'),
      );
  }
  let phone: string | null = null;
  if (text('phone')) {
    phone = normaliseTypedPhone(text('phone'));
    if (!phone)
      errors.push(
        err('phone', 'PHONE_FORMAT', 'Số điện thoại di động không hợp lệ', 'Not a Vietnamese mobile number'),
      );
  }
  const decoded = cccd ? decodeCccd(cccd) : null;
  let sex = parseSex(text('sex'));
  if (!sex && text('sex'))
    errors.push(err('sex', 'SEX_FORMAT', 'Giới tính ghi Nam, Nữ hoặc Khác', 'Sex: Nam, Nữ or Khác'));
  sex ??= decoded?.sex ?? 'other';
  if (decoded && birthYear && decoded.birthYear !== birthYear)
    errors.push(
      err(
        'birth',
        'BIRTH_ID_MISMATCH',
        'Năm sinh khác năm sinh trong số CCCD',
        'Birth year differs from the one in the CCCD',
      ),
    );

  let communeCode = defaults.communeCode;
  if (text('commune')) {
    const code = text('commune').replace(/\D/g, '');
    if (/^\d{5}$/.test(code)) communeCode = code;
    else if (/^\d{1,4}$/.test(code)) communeCode = code.padStart(5, '0');
    else errors.push(err('commune', 'COMMUNE_FORMAT', 'Mã xã gồm 5 chữ số', 'A commune code has 5 digits'));
  }

  const productText = text('product');
  const productMp = productText ? matchProduct(catalogue, productText) : null;
  if (!productText) errors.push(err('product', 'PRODUCT_MISSING', 'Thiếu tên vắc xin', 'Vaccine missing'));
  else if (!productMp)
    errors.push(
      err('product', 'PRODUCT_UNKNOWN', 'Không nhận ra tên vắc xin', 'Vaccine name not recognised'),
    );

  let date: string | null = null;
  let time: string | null = null;
  if (!text('date')) errors.push(err('date', 'DATE_MISSING', 'Thiếu ngày tiêm', 'Vaccination date missing'));
  else {
    // Vaccination dates are recent: a two-digit year is this century.
    const d = parseTypedDate(text('date'), { twoDigitYearPivot: today.getUTCFullYear() % 100 });
    if (!d.ok) {
      const [vi, en] = DATE_TEXT[d.code]!;
      errors.push(err('date', d.code, `Ngày tiêm: ${vi}`, `Vaccination date: ${en}`));
    } else if (d.date > new Date(today.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)) {
      errors.push(err('date', 'DATE_FUTURE', 'Ngày tiêm ở tương lai', 'Vaccination date in the future'));
    } else if (d.date < '2020-12-01') {
      errors.push(
        err(
          'date',
          'DATE_TOO_EARLY',
          'Ngày tiêm trước khi có vắc xin',
          'Vaccination date before any vaccine',
        ),
      );
    } else if (birthDate && d.date < birthDate) {
      errors.push(
        err('date', 'DATE_BEFORE_BIRTH', 'Ngày tiêm trước ngày sinh', 'Vaccinated before being born'),
      );
    } else [date, time] = [d.date, d.time];
  }

  const identified = cccd || cmnd || passport || bhyt;
  if (!identified && !(name && birthYear)) {
    if (!name)
      errors.push(
        err('fullName', 'NAME_MISSING', 'Thiếu họ tên (hoặc số giấy tờ)', 'Name (or an ID number) missing'),
      );
    if (!birthYear && !errors.some((e) => e.field === 'birth'))
      errors.push(
        err(
          'birth',
          'BIRTH_MISSING',
          'Thiếu ngày/năm sinh (hoặc số giấy tờ)',
          'Birth (or an ID number) missing',
        ),
      );
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      fullName: name?.display ?? null,
      nameFolded: name?.folded ?? null,
      birthDate,
      birthYear: birthYear ?? decoded?.birthYear ?? null,
      sex,
      cccd,
      cmnd,
      passport,
      bhyt,
      phone,
      communeCode,
      street: text('address') || null,
      productMp: productMp!,
      date: date!,
      time,
      lot: text('lot') || null,
    },
  };
}
