export const worklistVi = {
  title: 'Việc cần xử lý',
  intro:
    'Các trường hợp cần cán bộ theo dõi trong địa bàn: khai báo có dấu hiệu, kết quả dương tính, chờ xét nghiệm lại…',
  status: 'Trạng thái',
  statuses: { open: 'Mới', in_progress: 'Đang xử lý', done: 'Đã xong' },
  all: 'Tất cả',
  empty: 'Không có việc nào.',
  person: 'Xem hồ sơ',
  start: 'Nhận xử lý',
  done: 'Đánh dấu đã xong',
  note: 'Ghi chú',
  high: 'Ưu tiên cao',
  createdAt: 'Tạo lúc',
  outside: 'Ngoài địa bàn',
};

export const worklistEn: typeof worklistVi = {
  title: 'Worklist',
  intro:
    'Follow-ups for officers in your area: declarations with warning signs, positive results, pending re-tests…',
  status: 'Status',
  statuses: { open: 'New', in_progress: 'In progress', done: 'Done' },
  all: 'All',
  empty: 'Nothing to do.',
  person: 'Open record',
  start: 'Take it',
  done: 'Mark done',
  note: 'Note',
  high: 'High priority',
  createdAt: 'Created',
  outside: 'Outside your area',
};
