import type { AuditAction } from '@phongdich/contracts';
import type { ChainProblem } from '@phongdich/contracts/audit';

/** Verification of the audit chain (keyed chain and signed heads, issue #8 item 7). */
export const auditChainVi = {
  ok: 'Chuỗi nhật ký toàn vẹn: {{checked}} bản ghi đã kiểm tra bằng khóa, đối chiếu với {{heads}} mốc đã ký.',
  legacy: '{{count}} bản ghi niêm phong trước khi chuỗi có khóa được kiểm tra bằng băm không khóa.',
  unsealed: '{{count}} bản ghi mới chưa được niêm phong.',
  lastHead: 'Mốc đã ký gần nhất: bản ghi thứ {{sealSeq}}, lúc {{time}}.',
  noHead: 'Chưa có mốc đã ký nào: hãy chép thư mục mốc ra ngoài máy chủ thường xuyên.',
  broken: 'Chuỗi nhật ký KHÔNG toàn vẹn ({{checked}} bản ghi hợp lệ trước chỗ hỏng).',
  brokenAt: 'Bản ghi liên quan: {{id}}.',
  problems: {
    gap: 'Thiếu bản ghi ở giữa chuỗi (số thứ tự bị đứt).',
    link: 'Liên kết tới bản ghi trước không khớp (bản ghi bị xóa, đánh số lại hoặc đổi chỗ).',
    hash: 'Mã liên kết không khớp với khóa (nội dung, vị trí hoặc mã băm đã bị sửa).',
    mac: 'Nội dung bản ghi không phải nội dung ứng dụng đã ghi (bị sửa).',
    unkeyed: 'Bản ghi không khóa xuất hiện sau bản ghi có khóa (bị ghi lại bằng băm tính lại).',
    head: 'Chuỗi không khớp với mốc đã ký tại vị trí này.',
    truncated: 'Thiếu các bản ghi mới nhất mà một mốc đã ký đã bao gồm (chuỗi bị cắt).',
    heads: 'Tệp mốc đã ký bị sửa (chữ ký, liên kết hoặc thứ tự sai).',
    rejected:
      'Có {{count}} bản ghi không do ứng dụng ghi (chèn thẳng vào cơ sở dữ liệu); đã bị từ chối, không đưa vào chuỗi.',
    forged: 'Có bản ghi đang chờ không do ứng dụng ghi.',
    duplicate: 'Có bản ghi bị sao chép.',
    unchained: 'Có bản ghi mang mã băm nhưng không nằm trong chuỗi.',
  } satisfies Record<ChainProblem, string>,
};

export const auditChainEn: typeof auditChainVi = {
  ok: 'The log chain is intact: {{checked}} entries checked with the key, against {{heads}} signed heads.',
  legacy: '{{count}} entries sealed before the chain was keyed were checked with their unkeyed hash.',
  unsealed: '{{count}} new entries are not sealed yet.',
  lastHead: 'Newest signed head: entry {{sealSeq}}, at {{time}}.',
  noHead: 'No signed head yet: copy the heads folder off the server regularly.',
  broken: 'The log chain is NOT intact ({{checked}} valid entries before the break).',
  brokenAt: 'Entry concerned: {{id}}.',
  problems: {
    gap: 'An entry is missing from the middle of the chain (the numbering breaks).',
    link: 'The link to the previous entry does not match (an entry removed, renumbered or moved).',
    hash: 'The link does not match with the key (content, position or hash changed).',
    mac: 'The entry’s content is not what the application wrote (altered).',
    unkeyed: 'An unkeyed entry follows keyed ones (rewritten with recomputed hashes).',
    head: 'The chain does not match the signed head at this position.',
    truncated: 'The newest entries a signed head covered are missing (the chain was cut).',
    heads: 'The signed heads file was altered (signature, link or order wrong).',
    rejected:
      '{{count}} entries were not written by the application (inserted into the database); refused, not chained.',
    forged: 'A waiting entry was not written by the application.',
    duplicate: 'An entry was copied.',
    unchained: 'An entry carries a hash but has no place in the chain.',
  },
};

type Words = { vi: string; en: string };

/**
 * What each audited action means, in words (the log stores stable codes). Keyed by the contracts'
 * vocabulary, so a label for an action the server never writes does not compile. Unknown codes show
 * as they are.
 */
export const AUDIT_ACTIONS: Partial<Record<AuditAction, Words>> = {
  'account.create': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'account.resetPassword': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'account.tokenCreate': { vi: 'Tạo mã truy cập API', en: 'Issued an API token' },
  'account.tokenRevoke': { vi: 'Thu hồi mã truy cập API', en: 'Revoked an API token' },
  'account.update': { vi: 'Sửa tài khoản', en: 'Changed an account' },
  'audit.read': { vi: 'Xem nhật ký truy cập', en: 'Read the audit log' },
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.throttled': { vi: 'Sai mật khẩu nhiều lần: phải chờ', en: 'Too many wrong passwords: made to wait' },
  'certificate.issue.retry': { vi: 'Cấp lại chứng nhận bị lỗi', en: 'Retried a failed certificate' },
  'certificate.lookup': { vi: 'Tra cứu chứng nhận', en: 'Looked up a certificate' },
  'lab.result.correct': { vi: 'Đính chính kết quả xét nghiệm', en: 'Corrected a test result' },
  'pendingIdentity.confirm': {
    vi: 'Xác nhận người quét thẻ là người mới',
    en: 'Confirmed a scanned card as a new person',
  },
  'pendingIdentity.merge': {
    vi: 'Gộp người quét thẻ vào hồ sơ có sẵn',
    en: 'Merged a scanned card into a record',
  },
  'pendingIdentity.read': { vi: 'Xem khách quét thẻ chưa có trong sổ', en: 'Read unregistered card scans' },
  'pendingIdentity.scan': { vi: 'Quét thẻ chưa có trong sổ dân cư', en: 'Scanned an unregistered card' },
  'results.read': { vi: 'Xem kết quả xét nghiệm', en: 'Read test results' },
  'auth.passwordChange': { vi: 'Đổi mật khẩu', en: 'Changed their password' },
  'auth.totpEnable': { vi: 'Bật xác thực hai lớp', en: 'Turned on two-factor' },
  'certificate.revoke': { vi: 'Thu hồi chứng nhận', en: 'Revoked a certificate' },
  'checkin.checkout': { vi: 'Ghi giờ ra', en: 'Checked out' },
  'checkin.create': { vi: 'Quét mã vào điểm', en: 'Checked in' },
  'checkin.hold': { vi: 'Giữ dữ liệu quét mã', en: 'Held check-ins' },
  'checkin.hold.read': { vi: 'Xem lệnh giữ dữ liệu', en: 'Read holds' },
  'checkin.hold.release': { vi: 'Thôi giữ dữ liệu quét mã', en: 'Released a check-in hold' },
  'checkin.readOwn': { vi: 'Xem lịch sử đi lại của mình', en: 'Read own check-ins' },
  'checkin.tracePerson': { vi: 'Truy vết: nơi một người đã đến', en: 'Traced where a person went' },
  'checkin.traceVenue': { vi: 'Truy vết: ai đã đến một điểm', en: 'Traced who was at a point' },
  'declaration.create': { vi: 'Khai báo y tế', en: 'Submitted a declaration' },
  'declaration.hold': { vi: 'Giữ tờ khai', en: 'Held declarations' },
  'declaration.hold.read': { vi: 'Xem lệnh giữ tờ khai', en: 'Read declaration holds' },
  'declaration.hold.release': { vi: 'Thôi giữ tờ khai', en: 'Released a declaration hold' },
  'declaration.read': { vi: 'Xem tờ khai', en: 'Read declarations' },
  'keys.rotate': { vi: 'Đổi khóa ký', en: 'Rotated signing keys' },
  'vaccination.invitations.map': { vi: 'Lưu cột danh sách mời', en: 'Saved an invitation list column map' },
  'vaccination.invitations.errors.download': {
    vi: 'Tải các dòng lỗi của danh sách mời',
    en: 'Downloaded an invitation list’s refused rows',
  },
  'keys.renew': {
    vi: 'Gia hạn khóa ký chứng nhận (tự động)',
    en: 'Renewed the certificate signer (automatic)',
  },
  'events.retry': { vi: 'Thử lại sự kiện bị lỗi', en: 'Retried a failed event' },
  'lab.mapping.save': { vi: 'Lưu cấu hình tệp kết quả', en: 'Saved a result file mapping' },
  'lab.result.enter': { vi: 'Nhập kết quả xét nghiệm', en: 'Entered a test result' },
  'lab.result.verify': { vi: 'Duyệt kết quả xét nghiệm', en: 'Verified test results' },
  'lab.upload': { vi: 'Tải tệp kết quả', en: 'Uploaded a result file' },
  'person.breakGlass': { vi: 'Mở hồ sơ ngoài địa bàn (phá kính)', en: 'Opened a record outside the area' },
  'person.create': { vi: 'Tạo hồ sơ người dân', en: 'Created a person record' },
  'person.merge': { vi: 'Gộp hồ sơ trùng', en: 'Merged duplicate records' },
  'person.read': { vi: 'Xem hồ sơ người dân', en: 'Read a person record' },
  'person.search': { vi: 'Tra cứu người dân', en: 'Searched people' },
  'person.update': { vi: 'Sửa hồ sơ người dân', en: 'Edited a person record' },
  'qr.personal.issue': { vi: 'Cấp mã QR cá nhân', en: 'Issued a personal QR' },
  'qrCard.batch.create': { vi: 'Tạo lô thẻ QR', en: 'Created a QR card batch' },
  'qrCard.batch.print': { vi: 'In lô thẻ QR', en: 'Printed a QR card batch' },
  'qrCard.revoke': { vi: 'Thu hồi thẻ QR', en: 'Revoked a QR card' },
  'results.certificate.read': { vi: 'Xem chứng nhận xét nghiệm', en: 'Read a test certificate' },
  'scan.resolve': { vi: 'Quét mã khách', en: 'Scanned a visitor' },
  'status.read': { vi: 'Xem tình trạng', en: 'Read a status' },
  'venue.approve': { vi: 'Duyệt điểm kiểm soát', en: 'Approved a point' },
  'venue.manage': { vi: 'Quản lý điểm kiểm soát', en: 'Managed a point' },
  'venue.register': { vi: 'Đăng ký điểm kiểm soát', en: 'Registered a point' },
  'worklist.read': { vi: 'Xem việc cần xử lý', en: 'Read the worklist' },
  'worklist.update': { vi: 'Cập nhật việc cần xử lý', en: 'Updated a worklist item' },
};

export const auditMoreVi = {
  personName: 'Họ tên người dân',
  personIdNumber: 'Số giấy tờ (CCCD, CMND, hộ chiếu, BHYT)',
  actorName: 'Tên tài khoản thực hiện',
  actionAny: 'Mọi thao tác',
  national: 'Toàn quốc',
  openRecord: 'Mở hồ sơ',
};

export const auditMoreEn: typeof auditMoreVi = {
  personName: "Person's name",
  personIdNumber: 'Identity number (CCCD, CMND, passport, BHYT)',
  actorName: 'Acting account name',
  actionAny: 'Any action',
  national: 'National',
  openRecord: 'Open record',
};
