// Texts the scanner shows when a code cannot be used (Vietnamese first).
import type { QrVerifyFailure } from '@phongdich/domain';

type Text = { vi: string; en: string };

export const QR_FAILURES: Record<QrVerifyFailure | 'UNKNOWN_ID', Text> = {
  MALFORMED: { vi: 'Mã QR bị hỏng hoặc không đầy đủ.', en: 'The QR code is damaged or incomplete.' },
  UNKNOWN_KEY: {
    vi: 'Mã QR không do hệ thống Phòng Dịch ký (khoá không xác định).',
    en: 'The QR code was not signed by Phòng Dịch (unknown key).',
  },
  BAD_SIGNATURE: { vi: 'Chữ ký mã QR không đúng: mã giả mạo.', en: 'Bad QR signature: forged code.' },
  NOT_YET_VALID: {
    vi: 'Mã QR chưa có hiệu lực (kiểm tra giờ trên máy).',
    en: 'The QR code is not valid yet (check the device clock).',
  },
  EXPIRED: {
    vi: 'Mã QR đã hết hạn: mở lại ứng dụng để lấy mã mới.',
    en: 'The QR code has expired: open the app again for a new one.',
  },
  REVOKED: {
    vi: 'Mã QR đã bị thu hồi (thẻ mất hoặc đã in lại).',
    en: 'The QR code has been revoked (card lost or reprinted).',
  },
  UNKNOWN_ID: {
    vi: 'Mã QR hợp lệ nhưng không còn gắn với người hay điểm nào.',
    en: 'Authentic QR code, but it no longer belongs to any person or venue.',
  },
};

export const UNKNOWN_CODE_HINTS: Record<'generic' | 'cccd' | 'legacy' | 'bhytSearch' | 'notPerson', Text> = {
  notPerson: {
    vi: 'Mã này không phải của một người: hãy quét mã QR cá nhân, thẻ CCCD gắn chip hoặc thẻ BHYT của khách.',
    en: "Not a person's code: scan the visitor's personal QR, chip CCCD card or BHYT card.",
  },
  generic: {
    vi: 'Không nhận dạng được mã. Hãy quét mã QR Phòng Dịch, mã QR trên thẻ CCCD gắn chip hoặc thẻ BHYT.',
    en: 'Unrecognised code. Scan a Phòng Dịch QR, the QR on a chip CCCD card, or a BHYT card.',
  },
  cccd: {
    vi: 'Mã QR trên thẻ CCCD không đọc được đầy đủ. Hãy quét lại hoặc nhập thông tin.',
    en: 'The CCCD card QR could not be read completely. Scan again or enter the details.',
  },
  legacy: {
    vi: 'Đây là mã của ứng dụng cũ. Hãy dùng mã QR Phòng Dịch.',
    en: 'This is a code from an old app. Please use a Phòng Dịch QR code.',
  },
  bhytSearch: {
    vi: 'Chưa có người với thẻ BHYT này. Hãy tìm theo tên, năm sinh hoặc quét thẻ CCCD.',
    en: 'No one with this BHYT card yet. Search by name and birth year, or scan the CCCD card.',
  },
};
