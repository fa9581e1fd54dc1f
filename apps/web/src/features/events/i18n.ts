/** Dead domain events, for national administrators (issue #9, core). */
export const deadEventsVi = {
  title: 'Sự kiện xử lý lỗi',
  intro:
    'Các sự kiện dưới đây đã thử xử lý nhiều lần mà vẫn lỗi và đang chờ quản trị viên. Hãy khắc phục nguyên nhân rồi bấm “Thử lại”; phần đã xử lý xong sẽ không bị chạy lại.',
  empty: 'Không có sự kiện nào bị lỗi.',
  id: 'Mã',
  type: 'Loại',
  attempts: 'Số lần thử',
  lastError: 'Lỗi gần nhất',
  createdAt: 'Tạo lúc',
  lastAttemptAt: 'Thử lần cuối',
  retry: 'Thử lại',
  retried: 'Đã đưa sự kiện {{id}} vào hàng xử lý lại.',
};

export const deadEventsEn: typeof deadEventsVi = {
  title: 'Failed events',
  intro:
    'These events failed every attempt and wait for an administrator. Fix the cause, then press “Retry”; the parts already handled are not run again.',
  empty: 'No failed events.',
  id: 'Id',
  type: 'Type',
  attempts: 'Attempts',
  lastError: 'Last error',
  createdAt: 'Created',
  lastAttemptAt: 'Last attempt',
  retry: 'Retry',
  retried: 'Event {{id}} is queued again.',
};
