// vn-2021.2: vn-2021.1 with the close contact's colour of the Vietnamese scheme (PC-Covid): red for an
// F0, ORANGE for an F1, yellow for an F2. vn-2021.1 gave an F1 the F0's red, so a venue could not tell
// a case from a contact at the door. Published as a new version; vn-2021.1 stays as it was in force.
// Quarantine is where a confirmed F1 goes (tracing proposes it): were it red, as in vn-2021.1, an F1
// would turn red again the day they enter it. It is orange too; a case in quarantine is red through
// its own facts (f0_active, a positive test), never through the quarantine.
import type { StatusRule, StatusRuleSet } from '../types';
import { VN_2021_RULE_SET } from './vn-2021';

const ORANGE: Record<string, Pick<StatusRule, 'colour' | 'reason'>> = {
  'f1-active': {
    colour: 'orange',
    reason: { vi: 'Là tiếp xúc gần (F1) đang theo dõi.', en: 'Close contact (F1) under follow-up.' },
  },
  'quarantine-active': {
    colour: 'orange',
    reason: { vi: 'Đang trong thời gian cách ly.', en: 'Currently in quarantine.' },
  },
};

export const VN_2021_2_RULE_SET: StatusRuleSet = {
  ...VN_2021_RULE_SET,
  version: 'vn-2021.2',
  effectiveFrom: '2026-12-01T00:00:00+07:00',
  rules: VN_2021_RULE_SET.rules.map((r) => (ORANGE[r.id] ? { ...r, ...ORANGE[r.id] } : r)),
};
