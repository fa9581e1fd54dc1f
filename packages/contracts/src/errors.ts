/**
 * One catalogue of error codes for the whole platform. Every failure the API returns carries one of
 * these codes (stable, machine-readable) with a message in Vietnamese and English. Modules add their
 * own codes here so the web app and the docs stay in step with the server.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' },
  MALFORMED_REQUEST: { status: 400, vi: 'Yêu cầu sai định dạng', en: 'Malformed request' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập', en: 'Sign-in required' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You may not do this' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có đường dẫn này', en: 'No such route' },
  CONFLICT: { status: 409, vi: 'Dữ liệu bị xung đột', en: 'Conflict' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa chống trùng lặp đã được dùng cho một yêu cầu khác',
    en: 'Idempotency key was used for a different request',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau',
    en: 'Too many requests, try again later',
  },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Cơ sở dữ liệu không sẵn sàng', en: 'Database unavailable' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },

  // accounts and sign-in
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Sai tên đăng nhập hoặc mật khẩu',
    en: 'Wrong username or password',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần',
    en: 'Account locked after repeated failed sign-ins',
  },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa', en: 'Account disabled' },
  TOTP_REQUIRED: { status: 401, vi: 'Cần mã xác thực hai lớp', en: 'Two-factor code required' },
  TOTP_INVALID: { status: 401, vi: 'Mã xác thực hai lớp không đúng', en: 'Wrong two-factor code' },
  OTP_INVALID: { status: 401, vi: 'Mã OTP không đúng hoặc đã hết hạn', en: 'One-time code wrong or expired' },
  OTP_TOO_MANY: {
    status: 429,
    vi: 'Đã gửi quá nhiều mã OTP, vui lòng thử lại sau',
    en: 'Too many one-time codes sent, try again later',
  },
  WEAK_PASSWORD: { status: 400, vi: 'Mật khẩu quá yếu', en: 'Password too weak' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã tồn tại', en: 'Username already taken' },
  TOKEN_INVALID: { status: 401, vi: 'Mã truy cập không hợp lệ', en: 'Invalid access token' },

  // administrative units
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính',
    en: 'Administrative unit not found',
  },

  // people registry
  PERSON_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người này', en: 'Person not found' },
  INVALID_CCCD: { status: 400, vi: 'Số CCCD không hợp lệ', en: 'Invalid citizen ID (CCCD) number' },
  INVALID_CMND: { status: 400, vi: 'Số CMND không hợp lệ', en: 'Invalid old ID (CMND) number' },
  INVALID_BHYT: { status: 400, vi: 'Mã thẻ BHYT không hợp lệ', en: 'Invalid health insurance (BHYT) number' },
  INVALID_PHONE: { status: 400, vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone number' },
  DUPLICATE_PERSON: {
    status: 409,
    vi: 'Người này đã có trong hệ thống',
    en: 'This person is already registered',
  },
  BREAK_GLASS_REASON_REQUIRED: {
    status: 400,
    vi: 'Cần nêu lý do để truy cập hồ sơ ngoài địa bàn',
    en: 'A reason is required to open a record outside your jurisdiction',
  },
  MERGE_INVALID: { status: 400, vi: 'Không thể gộp hai hồ sơ này', en: 'These records cannot be merged' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: { vi: string; en: string };
    details?: FieldError[];
    requestId?: string;
  };
}

export interface FieldError {
  field: string;
  code: string;
  message: { vi: string; en: string };
}
