import { foldVietnamese, normalizeVnMobile } from '@phongdich/domain';
import type { FieldError } from '@phongdich/contracts';
import type { Queryable } from '../../core/db/db';
import { assertNoFieldErrors, fieldError } from '../../core/errors';
import { findUnitRef } from '../geo';
import { parsePlate } from './plate';
import { isVenueKind, VEHICLE_KINDS, type VenueKind } from './venue-kinds';
import type { VenueInput } from './venues.types';

export interface CheckedVenue {
  kind: VenueKind;
  name: string;
  nameFolded: string;
  plate: string | null;
  street: string | null;
}

/** Kind, name and (for vehicles) plate: shared by registration and bulk children. */
export function checkKindNamePlate(
  input: { kind: string; name: string; plate?: string },
  errors: FieldError[],
  prefix = '',
): CheckedVenue | null {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!isVenueKind(input.kind)) {
    errors.push(
      fieldError(`${prefix}kind`, 'VENUE_KIND', 'Loại điểm không hợp lệ.', 'Unknown kind of point.'),
    );
    return null;
  }
  if (name.length < 2) {
    errors.push(fieldError(`${prefix}name`, 'VENUE_NAME', 'Nhập tên điểm.', 'Enter the name of the point.'));
  }
  let plate: string | null = null;
  const vehicle = VEHICLE_KINDS.includes(input.kind);
  if (vehicle || input.plate) {
    const parsed = input.plate ? parsePlate(input.plate, { waterway: input.kind === 'ferry' }) : null;
    if (!parsed) {
      errors.push(
        fieldError(
          `${prefix}plate`,
          'PLATE_FORMAT',
          'Biển số không hợp lệ (ví dụ 29B-123.45).',
          'Invalid plate number (e.g. 29B-123.45).',
        ),
      );
    }
    plate = parsed?.normalized ?? null;
  }
  return { kind: input.kind, name, nameFolded: foldVietnamese(name), plate, street: null };
}

export function checkPhones(phones: string[], field: string, errors: FieldError[]): string[] {
  const out: string[] = [];
  phones.forEach((p, i) => {
    const n = normalizeVnMobile(p);
    if (n) out.push(n);
    else
      errors.push(
        fieldError(
          `${field}[${i}]`,
          'PHONE_FORMAT',
          'Số điện thoại di động không hợp lệ.',
          'Invalid mobile number.',
        ),
      );
  });
  return [...new Set(out)];
}

/** Validates a registration; the owner phone defaults to the signed-in citizen's own. */
export async function checkVenueInput(q: Queryable, input: VenueInput, defaultOwnerPhone: string | null) {
  const errors: FieldError[] = [];
  const base = checkKindNamePlate({ kind: input.kind, name: input.name, plate: input.plateNumber }, errors);
  const unit = /^\d{5}$/.test(input.communeCode) ? await findUnitRef(q, input.communeCode) : undefined;
  if (!unit || unit.level !== 3) {
    errors.push(fieldError('communeCode', 'COMMUNE_UNKNOWN', 'Chọn xã/phường.', 'Choose a commune.'));
  }
  const ownerPhone = normalizeVnMobile(input.ownerPhone ?? defaultOwnerPhone ?? '');
  if (!ownerPhone) {
    errors.push(
      fieldError(
        'ownerPhone',
        'PHONE_FORMAT',
        'Số điện thoại di động không hợp lệ.',
        'Invalid mobile number.',
      ),
    );
  }
  const staffPhones = checkPhones(input.staffPhones ?? [], 'staffPhones', errors);
  assertNoFieldErrors(errors);
  return {
    ...base!,
    street: input.street?.trim() || null,
    location: unit!.location,
    ownerPhone: ownerPhone!,
    staffPhones: staffPhones.filter((p) => p !== ownerPhone),
  };
}
