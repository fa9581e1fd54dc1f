import { problem, type IdentityProblem, type IdentityProblemCode } from './problem';
import type { Sex } from './cccd';

/** What the QR code on a chip CCCD card holds. Dates are ISO 'YYYY-MM-DD'. */
export interface CccdQr {
  cccd: string;
  cmnd: string | null;
  fullName: string;
  birthDate: string;
  sex: Sex;
  address: string;
  issueDate: string;
}

export type CccdQrResult = { ok: true; value: CccdQr } | { ok: false; error: IdentityProblem };

function fail(code: IdentityProblemCode, vi: string, en: string): CccdQrResult {
  return { ok: false, error: problem(code, vi, en) };
}

/** DDMMYYYY → YYYY-MM-DD, or null when it is not a real calendar date. */
function isoDate(ddmmyyyy: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  const ok = d.getUTCDate() === Number(dd) && d.getUTCMonth() === Number(mm) - 1;
  return ok ? `${yyyy}-${mm}-${dd}` : null;
}

function parseSex(text: string): Sex | null {
  const t = text.normalize('NFC').toLowerCase();
  if (t === 'nam') return 'male';
  if (t === 'nữ' || t === 'nu') return 'female';
  return null;
}

/**
 * Parses `CCCD|CMND|full name|DDMMYYYY birth|Nam or Nữ|permanent address|DDMMYYYY issue date`.
 * The CMND part may be empty; extra trailing fields (newer cards) and surrounding spaces are ignored.
 */
export function parseCccdQr(payload: string): CccdQrResult {
  const parts = payload
    .trim()
    .split('|')
    .map((p) => p.trim());
  if (parts.length < 7) {
    return fail('CCCD_QR_FORMAT', 'Mã QR không phải mã QR của thẻ CCCD.', 'Not a CCCD card QR code.');
  }
  const [cccd, cmnd, fullName, birth, sexText, address, issue] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{12}$/.test(cccd)) {
    return fail('CCCD_FORMAT', 'Số CCCD trong mã QR không hợp lệ.', 'The CCCD number in the QR is invalid.');
  }
  if (cmnd !== '' && !/^(\d{9}|\d{12})$/.test(cmnd)) {
    return fail('CMND_FORMAT', 'Số CMND trong mã QR không hợp lệ.', 'The CMND number in the QR is invalid.');
  }
  if (!fullName) return fail('CCCD_QR_NAME', 'Mã QR thiếu họ tên.', 'The QR has no full name.');
  const birthDate = isoDate(birth);
  const issueDate = isoDate(issue);
  if (!birthDate || !issueDate) {
    return fail('CCCD_QR_DATE', 'Ngày trong mã QR không hợp lệ.', 'A date in the QR is invalid.');
  }
  const sex = parseSex(sexText);
  if (!sex)
    return fail('CCCD_QR_SEX', 'Giới tính trong mã QR không hợp lệ.', 'The sex in the QR is invalid.');
  return {
    ok: true,
    value: {
      cccd,
      cmnd: cmnd || null,
      fullName: fullName.normalize('NFC'),
      birthDate,
      sex,
      address,
      issueDate,
    },
  };
}
