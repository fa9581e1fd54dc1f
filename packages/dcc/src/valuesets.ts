// Display names from the EU DCC value sets (release 2.12.0) for showing a decoded certificate.
import diseases from '../standards/valuesets/disease-agent-targeted.json';
import prophylaxis from '../standards/valuesets/vaccine-prophylaxis.json';
import products from '../standards/valuesets/vaccine-medicinal-product.json';
import vaccineManufacturers from '../standards/valuesets/vaccine-mah-manf.json';
import testTypes from '../standards/valuesets/test-type.json';
import testResults from '../standards/valuesets/test-result.json';
import testDevices from '../standards/valuesets/test-manf-example.json';
import type { CertificateType } from './payload';

interface ValueSetFile {
  valueSetId: string;
  valueSetValues: Record<string, { display: string; active: boolean }>;
}

const SETS = {
  tg: diseases,
  vp: prophylaxis,
  mp: products,
  vaccineMa: vaccineManufacturers,
  tt: testTypes,
  tr: testResults,
  testMa: testDevices,
} satisfies Record<string, ValueSetFile>;

export type ValueSetField = 'tg' | 'vp' | 'mp' | 'ma' | 'tt' | 'tr';

/**
 * Display name of a coded field, or undefined for an unknown code (show the raw code then).
 * `ma` means the vaccine marketing-authorisation holder in `v` and the RAT device in `t`.
 */
export function valueSetDisplay(
  field: ValueSetField,
  code: string,
  type: CertificateType = 'v',
): string | undefined {
  const set: ValueSetFile = field === 'ma' ? (type === 't' ? SETS.testMa : SETS.vaccineMa) : SETS[field];
  return Object.hasOwn(set.valueSetValues, code) ? set.valueSetValues[code]!.display : undefined;
}

/** Vietnamese-first labels of the DCC fields a verifier screen shows. */
export const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  nam: { vi: 'Họ và tên', en: 'Name' },
  dob: { vi: 'Ngày sinh', en: 'Date of birth' },
  tg: { vi: 'Bệnh', en: 'Disease' },
  vp: { vi: 'Loại vắc xin', en: 'Vaccine type' },
  mp: { vi: 'Tên vắc xin', en: 'Vaccine product' },
  ma: { vi: 'Nhà sản xuất', en: 'Manufacturer' },
  dn: { vi: 'Mũi số', en: 'Dose number' },
  sd: { vi: 'Tổng số mũi', en: 'Total doses' },
  dt: { vi: 'Ngày tiêm', en: 'Vaccination date' },
  tt: { vi: 'Loại xét nghiệm', en: 'Test type' },
  nm: { vi: 'Tên xét nghiệm', en: 'Test name' },
  sc: { vi: 'Thời điểm lấy mẫu', en: 'Sample collected' },
  tr: { vi: 'Kết quả', en: 'Result' },
  tc: { vi: 'Nơi xét nghiệm', en: 'Testing centre' },
  fr: { vi: 'Ngày có kết quả dương tính đầu tiên', en: 'First positive result' },
  df: { vi: 'Hiệu lực từ', en: 'Valid from' },
  du: { vi: 'Hiệu lực đến', en: 'Valid until' },
  co: { vi: 'Quốc gia', en: 'Country' },
  is: { vi: 'Đơn vị cấp', en: 'Issuer' },
  ci: { vi: 'Mã chứng nhận', en: 'Certificate identifier' },
};
