export const homeSummaryVi = {
  title: 'Hôm nay trong địa bàn',
  openItems: 'Việc cần xử lý chưa xong',
  checkinsToday: 'Lượt quét mã hôm nay',
  resultsToday: 'Kết quả xét nghiệm hôm nay',
  positiveToday: '{{count}} dương tính',
  since: 'Tính từ 0 giờ ngày {{date}}',
};

export const homeSummaryEn: typeof homeSummaryVi = {
  title: 'Today in your area',
  openItems: 'Open worklist items',
  checkinsToday: 'Check-ins today',
  resultsToday: 'Test results today',
  positiveToday: '{{count}} positive',
  since: 'Since midnight on {{date}}',
};
