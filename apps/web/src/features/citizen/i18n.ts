export const citizenMoreVi = {
  memberTitle: 'Người thân: {{name}}',
  memberIntro: 'Thông tin bạn đã khai cho người thân này.',
  backToMine: 'Về hồ sơ của tôi',
  notYours: 'Người này không có trong danh sách người thân của bạn.',
  printCards: 'In thẻ QR của tôi và người thân',
  cardsTitle: 'Thẻ QR cá nhân',
  cardsIntro: 'Mỗi người một thẻ. In ra, cắt theo viền và mang theo khi đi ra ngoài.',
  print: 'In',
  validUntil: 'Hiệu lực đến {{date}}',
  country: 'Quốc tịch',
  countrySearch: 'Gõ tên nước để tìm',
  countryNone: 'Không có nước nào khớp',
};

export const citizenMoreEn: typeof citizenMoreVi = {
  memberTitle: 'Family member: {{name}}',
  memberIntro: 'What you have declared for this relative.',
  backToMine: 'Back to my record',
  notYours: 'This person is not among your family members.',
  printCards: 'Print my and my family’s QR cards',
  cardsTitle: 'Personal QR cards',
  cardsIntro: 'One card per person. Print, cut along the border and carry it when going out.',
  print: 'Print',
  validUntil: 'Valid until {{date}}',
  country: 'Nationality',
  countrySearch: 'Type a country name to search',
  countryNone: 'No country matches',
};
