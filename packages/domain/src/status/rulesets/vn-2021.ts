// The 2021-style colour rule (PC-Covid era), as data. Change by publishing a new version with a
// later effectiveFrom, never by editing a version that has been in force.
import type { StatusRuleSet } from '../types';

export const VN_2021_RULE_SET: StatusRuleSet = {
  id: 'vn-2021',
  version: 'vn-2021.1',
  effectiveFrom: '2021-07-01T00:00:00+07:00',
  description: {
    vi: 'Quy tắc màu mã QR cá nhân theo thực tiễn phòng chống dịch COVID-19 năm 2021.',
    en: 'Personal QR colour rule following 2021 COVID-19 practice.',
  },
  defaultColour: 'green',
  defaultReason: { vi: 'Không ghi nhận yếu tố nguy cơ.', en: 'No risk factor on record.' },
  rules: [
    {
      id: 'f0-active',
      when: { source: 'case', kind: 'f0_active', supersededBy: ['f0_recovered'] },
      colour: 'red',
      reason: { vi: 'Đang là ca bệnh (F0).', en: 'Active case (F0).' },
      priority: 100,
    },
    {
      id: 'test-positive-14d',
      when: { source: 'test', kind: 'test_positive', withinDays: 14 },
      colour: 'red',
      reason: { vi: 'Có kết quả xét nghiệm dương tính trong 14 ngày.', en: 'Positive test within 14 days.' },
      priority: 90,
    },
    {
      id: 'quarantine-active',
      when: { source: 'quarantine', kind: 'quarantine_active', supersededBy: ['quarantine_ended'] },
      colour: 'red',
      reason: { vi: 'Đang trong thời gian cách ly.', en: 'Currently in quarantine.' },
      priority: 85,
    },
    {
      id: 'f1-active',
      when: { source: 'contact', kind: 'f1_active', supersededBy: ['f1_released'] },
      colour: 'red',
      reason: { vi: 'Là tiếp xúc gần (F1) đang theo dõi.', en: 'Close contact (F1) under follow-up.' },
      priority: 80,
    },
    {
      id: 'f2-active',
      when: { source: 'contact', kind: 'f2_active', supersededBy: ['f2_released'] },
      colour: 'yellow',
      reason: { vi: 'Là tiếp xúc của F1 (F2).', en: 'Contact of a close contact (F2).' },
      priority: 60,
    },
    {
      id: 'symptoms-14d',
      when: { source: 'declaration', kind: 'symptoms_reported', withinDays: 14 },
      colour: 'yellow',
      reason: { vi: 'Đã khai báo có triệu chứng trong 14 ngày.', en: 'Symptoms declared within 14 days.' },
      priority: 50,
    },
    {
      id: 'test-pending',
      when: {
        source: 'test',
        kind: 'test_pending',
        withinDays: 7,
        supersededBy: ['test_negative', 'test_positive'],
      },
      colour: 'yellow',
      reason: { vi: 'Đang chờ kết quả xét nghiệm.', en: 'Awaiting a test result.' },
      priority: 40,
    },
    {
      id: 'vaccinated-partial',
      when: { source: 'vaccination', kind: 'vaccinated_partial', supersededBy: ['vaccinated_full'] },
      colour: 'yellow',
      reason: { vi: 'Chưa tiêm đủ liều vắc xin.', en: 'Not fully vaccinated.' },
      priority: 30,
    },
    {
      id: 'test-negative-72h',
      when: { source: 'test', kind: 'test_negative', notOlderThan: '72h' },
      colour: 'green',
      reason: { vi: 'Có kết quả xét nghiệm âm tính trong 72 giờ.', en: 'Negative test within 72 hours.' },
      priority: 20,
    },
    {
      id: 'vaccinated-full',
      when: { source: 'vaccination', kind: 'vaccinated_full', withinDays: 365 },
      colour: 'green',
      reason: { vi: 'Đã tiêm đủ liều vắc xin (trong 12 tháng).', en: 'Fully vaccinated (within 12 months).' },
      priority: 10,
    },
  ],
};
