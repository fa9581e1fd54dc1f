export const historyVi = {
  kinds: {
    create: 'Tạo hồ sơ',
    update: 'Sửa hồ sơ',
    merge: 'Gộp một hồ sơ trùng vào hồ sơ này',
    merged_into: 'Hồ sơ này đã được gộp vào hồ sơ khác',
    family_link: 'Thêm người thân',
    identity_claim: 'Số giấy tờ người dân khai (chờ hoặc đã xác minh)',
  },
  fieldsSet: 'Các trường: {{fields}}',
  filled: 'Bổ sung: {{fields}}',
  change: '{{field}}: {{from}} → {{to}}',
  relation: 'Quan hệ: {{relation}}',
  empty: '(trống)',
  by: 'bởi {{name}}',
};

export const historyEn: typeof historyVi = {
  kinds: {
    create: 'Record created',
    update: 'Record edited',
    merge: 'A duplicate was merged into this record',
    merged_into: 'This record was merged into another',
    family_link: 'Family member added',
    identity_claim: 'Identity number claimed by the citizen (to verify, or verified)',
  },
  fieldsSet: 'Fields: {{fields}}',
  filled: 'Filled in: {{fields}}',
  change: '{{field}}: {{from}} → {{to}}',
  relation: 'Relation: {{relation}}',
  empty: '(empty)',
  by: 'by {{name}}',
};
