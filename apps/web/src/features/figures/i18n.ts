/** Texts of the figures pages. */
export const figuresVi = {
  title: 'Số liệu điểm kiểm soát',
  intro:
    'Số điểm đã đăng ký, lượt quét (check-in) và tờ khai tại điểm, theo ngày. Chọn một dòng để xem cấp dưới.',
  level: { province: 'Tỉnh/thành', district: 'Quận/huyện', commune: 'Xã/phường', venue: 'Điểm' },
  from: 'Từ ngày',
  to: 'Đến ngày',
  unit: 'Đơn vị',
  points: 'Điểm đăng ký',
  checkins: 'Lượt quét',
  declarations: 'Tờ khai',
  perDay: 'Theo ngày',
  total: 'Tổng',
  country: 'Toàn quốc',
  up: 'Lên cấp trên',
  noData: 'Chưa có số liệu trong khoảng ngày này.',
  pointsNote: 'Điểm đăng ký: số điểm đã đăng ký tính đến ngày cuối.',
};

export const figuresEn: typeof figuresVi = {
  title: 'Check-in point figures',
  intro: 'Registered points, check-ins and declarations made at points, per day. Pick a row to drill down.',
  level: { province: 'Province', district: 'District', commune: 'Commune', venue: 'Point' },
  from: 'From',
  to: 'To',
  unit: 'Unit',
  points: 'Registered points',
  checkins: 'Check-ins',
  declarations: 'Declarations',
  perDay: 'Per day',
  total: 'Total',
  country: 'Whole country',
  up: 'Up one level',
  noData: 'No figures for these days yet.',
  pointsNote: 'Registered points: points registered by the last day.',
};
