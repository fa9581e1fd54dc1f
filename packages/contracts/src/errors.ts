import type { DetailValue, FieldErrorCode } from './field-errors';

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

  // bad input at the HTTP edge (issue #8: database outage, fuzzing, router and parser errors)
  URL_TOO_LONG: { status: 414, vi: 'Đường dẫn quá dài', en: 'URL too long' },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: 'Phần đầu yêu cầu (header) quá lớn',
    en: 'Request header fields too large',
  },
  REQUEST_TIMEOUT: { status: 408, vi: 'Yêu cầu quá thời gian chờ', en: 'Request timeout' },
  SPREADSHEET_TOO_LARGE: {
    status: 413,
    vi: 'Tệp bảng tính quá lớn (quá nhiều dòng hoặc dung lượng giải nén quá lớn)',
    en: 'Spreadsheet too large (too many rows or too large once uncompressed)',
  },

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
  TOTP_SECRET_UNREADABLE: {
    status: 500,
    vi: 'Không đọc được khóa xác thực hai lớp của tài khoản, vui lòng liên hệ quản trị viên',
    en: "The account's two-factor secret cannot be read; contact an administrator",
  },
  OTP_INVALID: { status: 401, vi: 'Mã OTP không đúng hoặc đã hết hạn', en: 'One-time code wrong or expired' },
  OTP_TOO_MANY: {
    status: 429,
    vi: 'Đã gửi quá nhiều mã OTP, vui lòng thử lại sau',
    en: 'Too many one-time codes sent, try again later',
  },
  WEAK_PASSWORD: { status: 400, vi: 'Mật khẩu quá yếu', en: 'Password too weak' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã tồn tại', en: 'Username already taken' },
  TOKEN_INVALID: { status: 401, vi: 'Mã truy cập không hợp lệ', en: 'Invalid access token' },

  // sign-in hardening: guess delays, cross-site requests, SMS delivery reports (issue #8 items 8–11)
  SIGN_IN_THROTTLED: {
    status: 429,
    vi: 'Đã nhập sai mật khẩu nhiều lần từ địa chỉ này, vui lòng chờ một lúc rồi thử lại',
    en: 'Too many wrong passwords from this address; wait a while and try again',
  },
  ORIGIN_REFUSED: {
    status: 403,
    vi: 'Yêu cầu không đến từ trang của hệ thống nên bị từ chối',
    en: 'Refused: the request did not come from this site’s own pages',
  },
  DELIVERY_REPORT_REFUSED: {
    status: 401,
    vi: 'Báo cáo gửi tin không hợp lệ',
    en: 'Delivery report not accepted',
  },

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

  // sampling (testing sessions, tubes, shipments)
  TESTING_SESSION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đợt xét nghiệm',
    en: 'Testing session not found',
  },
  TESTING_SESSION_CLOSED: { status: 409, vi: 'Đợt xét nghiệm đã kết thúc', en: 'Testing session is closed' },
  LAB_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phòng xét nghiệm', en: 'Lab not found' },
  LABEL_BATCH_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lô nhãn', en: 'Label batch not found' },
  TUBE_UNKNOWN: {
    status: 404,
    vi: 'Mã ống không có trong hệ thống (chưa in hoặc gõ sai)',
    en: 'Unknown tube barcode (never printed or mistyped)',
  },
  TUBE_ALREADY_USED: {
    status: 409,
    vi: 'Ống này đã dùng cho đợt khác hoặc đã gửi đi',
    en: 'This tube was used in another session or already shipped',
  },
  TUBE_FULL: { status: 409, vi: 'Ống đã đủ số người gộp', en: 'The tube already holds its full pool' },
  TUBE_SEALED: { status: 409, vi: 'Ống đã được đóng', en: 'The tube is already sealed' },
  TUBE_EMPTY: { status: 409, vi: 'Ống chưa có mẫu nào', en: 'The tube holds no sample yet' },
  TUBE_TEST_TYPE_MISMATCH: {
    status: 409,
    vi: 'Nhãn ống dành cho loại xét nghiệm khác',
    en: 'The tube label is for another test type',
  },
  TUBE_NOT_SEALED: {
    status: 409,
    vi: 'Chỉ gửi được ống đã đóng, chưa gửi',
    en: 'Only sealed tubes not yet shipped can be sent',
  },
  PERSON_ALREADY_IN_TUBE: {
    status: 409,
    vi: 'Người này đã có trong ống',
    en: 'This person is already in the tube',
  },
  PERSON_CODE_UNRESOLVED: {
    status: 404,
    vi: 'Không xác định được người từ mã đã quét',
    en: 'No person matches the scanned code',
  },
  SAMPLE_ID_REUSED: {
    status: 422,
    vi: 'Mã lần lấy mẫu đã dùng cho một liên kết khác',
    en: 'The sample id was already used for a different link',
  },
  SHIPMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chuyến gửi mẫu', en: 'Shipment not found' },
  SHIPMENT_ALREADY_RECEIVED: {
    status: 409,
    vi: 'Chuyến gửi mẫu đã được nhận',
    en: 'The shipment was already received',
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    vi: 'Tệp danh sách không đọc được hoặc thiếu cột',
    en: 'The list file cannot be read or lacks columns',
  },
  // personal-qr / scan module
  UNKNOWN_CODE: {
    status: 422,
    vi: 'Mã không nhận dạng được: không phải mã Phòng Dịch, mã QR thẻ CCCD hay mã thẻ BHYT',
    en: 'Unknown code: not a Phòng Dịch code, a CCCD card QR or a health insurance (BHYT) card',
  },
  QR_INVALID: {
    status: 422,
    vi: 'Mã QR không hợp lệ (giả mạo, hết hạn hoặc đã thu hồi)',
    en: 'Invalid QR code (forged, expired or revoked)',
  },
  QR_NO_PERSON: {
    status: 404,
    vi: 'Tài khoản chưa có hồ sơ cá nhân: hãy khai báo thông tin trước',
    en: 'Your account has no personal record yet: fill in your details first',
  },
  // lab, results and certificates
  // TUBE_UNKNOWN: defined once, in the sampling section above.
  TUBE_NOT_RECEIVED: {
    status: 409,
    vi: 'Ống mẫu chưa được phòng xét nghiệm tiếp nhận',
    en: 'Tube was never received by the lab',
  },
  RESULT_ALREADY_RELEASED: {
    status: 409,
    vi: 'Kết quả đã được duyệt và trả, không thể sửa',
    en: 'Result already released and cannot be changed',
  },
  RESULT_NOT_ENTERED: { status: 409, vi: 'Ống mẫu chưa có kết quả', en: 'No result entered for this tube' },
  LAB_REQUIRED: {
    status: 403,
    vi: 'Tài khoản chưa được gắn với phòng xét nghiệm',
    en: 'Account is not attached to a lab',
  },
  LAB_MAPPING_MISSING: {
    status: 409,
    vi: 'Phòng xét nghiệm chưa lưu cách ghép cột',
    en: 'The lab has no saved column mapping',
  },
  UPLOAD_COLUMNS_MISSING: {
    status: 422,
    vi: 'Tệp thiếu cột bắt buộc',
    en: 'The file lacks required columns',
  },
  UPLOAD_ENCODING: {
    status: 422,
    vi: 'Tệp không phải mã UTF-8 (hãy lưu lại dạng CSV UTF-8)',
    en: 'The file is not UTF-8 (save it again as CSV UTF-8)',
  },
  UPLOAD_FORMAT: {
    status: 415,
    vi: 'Tệp không phải CSV hoặc Excel (.xlsx)',
    en: 'The file is not CSV or Excel (.xlsx)',
  },
  UPLOAD_EMPTY: { status: 422, vi: 'Tệp không có dòng dữ liệu', en: 'The file has no data rows' },
  CERTIFICATE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chứng nhận', en: 'Certificate not found' },
  // lab entry choice, result corrections and certificate revocation (issue #7 §1–§2, #8; task "lab")
  RESULT_CHOICE_REQUIRED: {
    status: 422,
    vi: 'Chưa chọn kết quả cho ống mẫu: hãy chọn dương tính, âm tính hoặc không xác định',
    en: 'No result was chosen for the tube: choose positive, negative or invalid',
  },
  RESULT_NOT_RELEASED: {
    status: 409,
    vi: 'Kết quả chưa được trả: hãy sửa trực tiếp thay vì đính chính',
    en: 'The result is not released yet: change it instead of correcting it',
  },
  CORRECTION_UNCHANGED: {
    status: 409,
    vi: 'Kết quả đính chính giống hệt kết quả đã trả',
    en: 'The correction is the same as the released result',
  },
  RETEST_NEEDS_INDIVIDUAL_TUBE: {
    status: 409,
    vi: 'Người cần xét nghiệm lại (từ mẫu gộp dương tính) phải được lấy mẫu đơn, trong ống riêng',
    en: 'A person to re-test after a positive pool must go alone in an individual tube',
  },
  CERTIFICATE_ALREADY_REVOKED: {
    status: 409,
    vi: 'Chứng nhận đã bị thu hồi trước đó',
    en: 'The certificate was already revoked',
  },
  // declarations
  DECLARATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tờ khai', en: 'Declaration not found' },
  QUESTION_SET_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có bộ câu hỏi khai báo đang áp dụng',
    en: 'No question set in force for this declaration kind',
  },

  // check-in points (venues)
  VENUE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy điểm kiểm soát', en: 'Check-in point not found' },
  VENUE_NOT_ACTIVE: {
    status: 409,
    vi: 'Điểm kiểm soát chưa được duyệt hoặc đang bị tạm dừng',
    en: 'Check-in point not approved yet or suspended',
  },
  VENUE_STATUS_CONFLICT: {
    status: 409,
    vi: 'Trạng thái điểm kiểm soát không cho phép thao tác này',
    en: 'The check-in point is not in a state that allows this',
  },
  // check-ins
  VENUE_UNKNOWN: { status: 422, vi: 'Điểm kiểm soát không có trong hệ thống', en: 'Unknown check-in point' },
  VENUE_SUSPENDED: {
    status: 422,
    vi: 'Điểm kiểm soát đã bị tạm dừng',
    en: 'This check-in point is suspended',
  },
  QR_FORGED: {
    status: 422,
    vi: 'Mã QR không hợp lệ hoặc bị làm giả',
    en: 'The QR code is invalid or forged',
  },
  QR_EXPIRED: { status: 422, vi: 'Mã QR đã hết hạn', en: 'The QR code has expired' },
  QR_REVOKED: { status: 422, vi: 'Mã QR đã bị thu hồi', en: 'The QR code has been revoked' },
  CLOCK_SKEW: {
    status: 422,
    vi: 'Giờ trên thiết bị lệch quá nhiều so với giờ hệ thống (hoặc lượt quét quá cũ)',
    en: 'The device clock is too far off (or the check-in is too old)',
  },
  CHECKIN_NO_PERSON: {
    status: 422,
    vi: 'Tài khoản chưa có hồ sơ cá nhân: hãy khai báo thông tin trước khi quét mã',
    en: 'Your account has no personal record yet: fill in your details before checking in',
  },
  CHECKIN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lượt quét mã', en: 'Check-in not found' },
  CHECKIN_BATCH_TOO_LARGE: {
    status: 413,
    vi: 'Gói đồng bộ quá lớn (tối đa 1000 lượt quét)',
    en: 'Sync batch too large (at most 1000 check-ins)',
  },

  // task trustsrv (issue #8 remainders): staff check-ins by scanned code
  CHECKIN_CODE_REQUIRED: {
    status: 400,
    vi: 'Ghi nhận lượt vào cần mã đã quét (QR cá nhân, thẻ CCCD, thẻ BHYT), không nhận mã định danh hồ sơ',
    en: 'A staff check-in needs the scanned code (personal QR, CCCD or BHYT card), not a record id',
  },
  // core: domain events (issue #9, task core)
  DEAD_EVENT_NOT_FOUND: {
    status: 404,
    vi: 'Không có sự kiện lỗi nào mang mã này (có thể đã được xử lý lại)',
    en: 'No dead event with this id (it may have been retried already)',
  },
  // units (issue #10): moving records to the 2025 map
  UNIT_MOVE_NEEDS_2025: {
    status: 409,
    vi: 'Chỉ chuyển hồ sơ sang bản đồ 2025 khi hệ thống đã chạy trên bản đồ 2025 (PHONGDICH_UNIT_STRUCTURE=2025)',
    en: 'Records move to the 2025 map only once the deployment runs on it (PHONGDICH_UNIT_STRUCTURE=2025)',
  },
  UNIT_REVIEW_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ chờ chọn đơn vị mới',
    en: 'Review item not found',
  },
  UNIT_REVIEW_RESOLVED: {
    status: 409,
    vi: 'Hồ sơ này đã được chọn đơn vị mới',
    en: 'This record already has its new unit',
  },
  // vaccination (issue #12, task vacc)
  VACCINE_CATALOGUE_INVALID: {
    status: 422,
    vi: 'Danh mục vắc xin không hợp lệ',
    en: 'The vaccine catalogue is not valid',
  },
  VACCINE_CATALOGUE_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có danh mục vắc xin có hiệu lực cho bệnh này',
    en: 'No vaccine catalogue in force for this disease',
  },
  VACCINE_CATALOGUE_VERSION_EXISTS: {
    status: 409,
    vi: 'Phiên bản danh mục đã tồn tại hoặc ngày hiệu lực không sau phiên bản trước',
    en: 'This catalogue version exists, or it does not take effect after the previous one',
  },
  VACCINATION_SITE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy điểm tiêm',
    en: 'Vaccination site not found',
  },
  VACCINATION_CAMPAIGN_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy chiến dịch tiêm chủng',
    en: 'Vaccination campaign not found',
  },
  VACCINATION_SLOT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khung giờ tiêm', en: 'Slot not found' },
  VACCINATION_SLOT_FULL: {
    status: 409,
    vi: 'Khung giờ này đã hết chỗ, vui lòng chọn khung giờ khác',
    en: 'This slot is full, please choose another',
  },
  VACCINATION_SLOT_PAST: {
    status: 422,
    vi: 'Khung giờ này đã qua',
    en: 'This slot has already passed',
  },
  VACCINATION_ALREADY_BOOKED: {
    status: 409,
    vi: 'Người này đã có lịch hẹn trong khung giờ này',
    en: 'This person is already booked in this slot',
  },
  VACCINE_LOT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lô vắc xin tại điểm tiêm',
    en: 'Vaccine lot not found at the site',
  },
  VACCINE_LOT_EXPIRED: { status: 422, vi: 'Lô vắc xin đã hết hạn', en: 'The vaccine lot has expired' },
  VACCINE_LOT_EMPTY: { status: 409, vi: 'Lô vắc xin đã hết', en: 'The vaccine lot is used up' },
  VACCINATION_SCREENING_INCOMPLETE: {
    status: 422,
    vi: 'Phiếu khám sàng lọc chưa trả lời đủ câu hỏi',
    en: 'The screening form is not complete',
  },
  VACCINATION_SCREENING_DECISION: {
    status: 422,
    vi: 'Kết luận khám sàng lọc không phù hợp với câu trả lời',
    en: 'The screening decision does not match the answers',
  },
  VACCINATION_NOT_ELIGIBLE: {
    status: 422,
    vi: 'Người này chưa đủ điều kiện tiêm liều này',
    en: 'This person is not eligible for this dose',
  },
  VACCINATION_DOSE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mũi tiêm', en: 'Dose not found' },

  // tracing (issue #13 §2–3, task tracing)
  TRACING_CASE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ca bệnh', en: 'Case not found' },
  CONTACT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người tiếp xúc', en: 'Contact not found' },
  CONTACT_ALREADY_CONFIRMED: {
    status: 409,
    vi: 'Người tiếp xúc đã được xác nhận và thông báo; việc kết thúc theo dõi do cách ly quyết định',
    en: 'The contact is already confirmed and notified; follow-up ends through quarantine',
  },
  CONTACT_NOT_CONFIRMED: {
    status: 409,
    vi: 'Chỉ tìm F tiếp theo từ người tiếp xúc đã xác nhận',
    en: 'Only a confirmed contact can be traced further',
  },
  CONTACT_DISMISS_REASON_REQUIRED: {
    status: 400,
    vi: 'Cần nêu lý do loại khỏi danh sách',
    en: 'A reason is required to dismiss a contact',
  },
  PROXIMITY_CODE_INVALID: {
    status: 422,
    vi: 'Mã tải nhật ký tiếp xúc không đúng, đã dùng hoặc đã hết hạn',
    en: 'The upload code is wrong, used or expired',
  },
  PROXIMITY_LOG_INVALID: {
    status: 422,
    vi: 'Nhật ký tiếp xúc có mục không hợp lệ (thời gian, thời lượng hoặc tín hiệu)',
    en: 'The encounter log has invalid entries (time, duration or signal)',
  },
  PROXIMITY_DAY_OUT_OF_RANGE: {
    status: 422,
    vi: 'Chỉ lấy được mã cho hôm nay và ngày mai',
    en: 'Identifiers are given for today and tomorrow only',
  },
  CLUSTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ổ dịch', en: 'Cluster not found' },
  CLUSTER_CLOSED: { status: 409, vi: 'Ổ dịch đã đóng', en: 'The cluster is closed' },
  // tracing (#13, task tracing s6): named contacts from the investigation
  NAMED_CONTACT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy dòng người tiếp xúc đã khai',
    en: 'Named contact line not found',
  },
  // trace13 (#13): contacts of a case annulled by a result correction
  TRACING_CASE_ANNULLED: {
    status: 409,
    vi: 'Ca bệnh đã bị huỷ do đính chính kết quả: không truy vết từ ca này',
    en: 'The case was annulled by a result correction: nothing is traced from it',
  },
  CONTACT_WITHDRAWN: {
    status: 409,
    vi: 'Người tiếp xúc đã được rút khỏi danh sách vì ca bệnh bị huỷ',
    en: 'The contact was withdrawn: its case was annulled',
  },
  NAMED_CONTACT_RESOLVED: {
    status: 409,
    vi: 'Dòng khai báo này đã được gán cho một người trong sổ',
    en: 'This named line is already resolved to a person',
  },
  // trust (#8 item 1): identity claims resolved by the commune officer
  IDENTITY_CLAIM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu xác minh số giấy tờ',
    en: 'Identity claim not found',
  },
  IDENTITY_CLAIM_RESOLVED: {
    status: 409,
    vi: 'Yêu cầu này đã được xử lý',
    en: 'This claim has already been resolved',
  },
  // cases (issue #13, task cases)
  CASE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ca bệnh', en: 'Case not found' },
  CASE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Ca bệnh vừa được người khác cập nhật: hãy tải lại rồi sửa',
    en: 'The case was changed by someone else: reload it and edit again',
  },
  CASE_CLOSED: { status: 409, vi: 'Ca bệnh đã kết thúc', en: 'The case is closed' },
  CASE_NOT_CONFIRMED: {
    status: 422,
    vi: 'Theo quy định hiện hành, xác nhận này chưa đủ để là ca bệnh',
    en: 'Under the rules in force this does not confirm a case',
  },
  CASE_NOT_AT_HOME: {
    status: 409,
    vi: 'Ca bệnh không cách ly tại nhà',
    en: 'The case is not isolating at home',
  },
  CASE_REPORT_CLIENT_ID_REUSED: {
    status: 422,
    vi: 'Mã báo cáo đã dùng cho một báo cáo khác',
    en: 'This report id was already used for another report',
  },
  CASE_RELEASE_TOO_EARLY: {
    status: 422,
    vi: 'Chưa đủ số ngày cách ly theo quy định',
    en: 'The isolation days required by the rules have not passed',
  },
  CASE_RELEASE_NEGATIVE_TEST_NEEDED: {
    status: 422,
    vi: 'Cần một kết quả xét nghiệm âm tính theo quy định trước khi kết thúc cách ly',
    en: 'A negative test as the rules require is needed before release',
  },
  CASE_NOT_RELEASED: {
    status: 409,
    vi: 'Ca bệnh chưa được kết thúc cách ly',
    en: 'The case has not been released',
  },
  // vaccination import (issue #12 §4, §2, task vaccimport)
  VACCINATION_IMPORT_ROW_RESOLVED: {
    status: 409,
    vi: 'Dòng này đã được xử lý',
    en: 'This row has already been dealt with',
  },
  // vacccert (issue #12 §5 citizen corrections, §6 trust list of document signers)
  TRUST_LIST_INVALID: {
    status: 400,
    vi: 'Tệp danh sách tin cậy không đọc được hoặc có chứng thư không dùng được',
    en: 'The trust-list file cannot be read or holds an unusable certificate',
  },
  TRUST_LIST_ENTRY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị ký trong danh sách tin cậy',
    en: 'Signer not found in the trust list',
  },
  CORRECTION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy yêu cầu điều chỉnh',
    en: 'Correction request not found',
  },
  CORRECTION_ALREADY_DECIDED: {
    status: 409,
    vi: 'Yêu cầu điều chỉnh đã được xử lý',
    en: 'The correction request has already been decided',
  },
  CORRECTION_EVIDENCE_INVALID: {
    status: 415,
    vi: 'Minh chứng phải là ảnh JPEG/PNG hoặc tệp PDF, tối đa 5 MB',
    en: 'Evidence must be a JPEG/PNG photo or a PDF, at most 5 MB',
  },
  CORRECTION_EVIDENCE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy minh chứng',
    en: 'Evidence not found',
  },
  // vaccination at the site (issue #12, task vaccsite)
  VACCINATION_BOOKING_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lịch hẹn tiêm', en: 'Booking not found' },
  VACCINATION_BOOKING_CANCELLED: {
    status: 409,
    vi: 'Lịch hẹn tiêm đã bị hủy',
    en: 'The booking was cancelled',
  },
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
  code: FieldErrorCode | DetailValue;
  message: { vi: string; en: string };
}
