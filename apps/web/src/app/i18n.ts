/** The menu's own words: its button and the task groups it sorts the pages into. */
export const menuVi = {
  open: 'Menu',
  close: 'Đóng menu',
  groups: {
    mine: 'Của tôi',
    venue: 'Điểm kiểm soát',
    people: 'Người dân và theo dõi',
    testing: 'Xét nghiệm',
    area: 'Địa bàn',
    admin: 'Quản trị và tài khoản',
  },
};

export const menuEn: typeof menuVi = {
  open: 'Menu',
  close: 'Close menu',
  groups: {
    mine: 'Mine',
    venue: 'Check-in points',
    people: 'People and follow-up',
    testing: 'Testing',
    area: 'Area',
    admin: 'Administration and account',
  },
};
