export const citizenMoreVi = {
  memberTitle: 'Người thân: {{name}}',
  memberIntro: 'Thông tin bạn đã khai cho người thân này.',
  backToMine: 'Về hồ sơ của tôi',
  notYours: 'Người này không có trong danh sách người thân của bạn.',
};

export const citizenMoreEn: typeof citizenMoreVi = {
  memberTitle: 'Family member: {{name}}',
  memberIntro: 'What you have declared for this relative.',
  backToMine: 'Back to my record',
  notYours: 'This person is not among your family members.',
};
