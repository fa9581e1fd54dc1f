// What confirms a case (F0), as versioned data with an effective date. Change by publishing a new
// version with a later effectiveFrom, never by editing a version that has been in force: a case keeps
// the version that confirmed it.

export type ConfirmationKind = 'lab_result' | 'manual' | 'rapid_test_of_contact';
export type TestType = 'rt_pcr' | 'rapid_antigen';

/** Who a positive rapid antigen test confirms as a case. */
export type RapidAntigenRule = 'never' | 'contacts_or_symptomatic' | 'everyone';

export interface CaseConfirmationRuleSet {
  id: string;
  version: string;
  /** ISO instant the version takes effect. */
  effectiveFrom: string;
  description: { vi: string; en: string };
  /** A positive RT-PCR result released by a lab. */
  rtPcrConfirms: boolean;
  rapidAntigen: RapidAntigenRule;
  /** An officer may enter a case confirmed elsewhere (another province's lab, a hospital). */
  manualAllowed: boolean;
}

export interface ConfirmationEvidence {
  kind: ConfirmationKind;
  /** Test behind the evidence; a manual entry of a case confirmed elsewhere may have none. */
  testType?: TestType | null;
  /** The person is a confirmed close contact (F1) of a case. */
  isContact?: boolean;
  /** The person has symptoms (declared, or recorded by the officer). */
  symptomatic?: boolean;
}

export type ConfirmationDecision =
  | { confirms: true; ruleVersion: string }
  | {
      confirms: false;
      ruleVersion: string;
      reason: 'rapid_test_not_confirming' | 'manual_not_allowed' | 'test_not_confirming';
    };

export const CASE_CONFIRMATION_RULE_SETS: readonly CaseConfirmationRuleSet[] = [
  {
    id: 'vn-2021',
    version: 'vn-2021.1',
    effectiveFrom: '2021-07-01T00:00:00+07:00',
    description: {
      vi: 'Ca bệnh xác định: xét nghiệm RT-PCR dương tính. Test nhanh dương tính phải được khẳng định bằng RT-PCR.',
      en: 'Confirmed case: a positive RT-PCR test. A positive rapid test must be confirmed by RT-PCR.',
    },
    rtPcrConfirms: true,
    rapidAntigen: 'never',
    manualAllowed: true,
  },
  {
    // Bộ Y tế, Quyết định 250/QĐ-BYT (28/01/2022): a positive rapid antigen test confirms a case for a
    // close contact or a person with clinical signs, without waiting for RT-PCR.
    id: 'vn-2022',
    version: 'vn-2022.1',
    effectiveFrom: '2022-01-28T00:00:00+07:00',
    description: {
      vi: 'Ca bệnh xác định: RT-PCR dương tính, hoặc test nhanh kháng nguyên dương tính ở người tiếp xúc gần (F1) hoặc có triệu chứng.',
      en: 'Confirmed case: positive RT-PCR, or a positive rapid antigen test in a close contact (F1) or a person with symptoms.',
    },
    rtPcrConfirms: true,
    rapidAntigen: 'contacts_or_symptomatic',
    manualAllowed: true,
  },
];

/** The version in force at `at` (the latest whose effectiveFrom is not after it). */
export function confirmationRulesInForce(
  at: Date,
  sets: readonly CaseConfirmationRuleSet[] = CASE_CONFIRMATION_RULE_SETS,
): CaseConfirmationRuleSet {
  let best: CaseConfirmationRuleSet | undefined;
  for (const s of sets) {
    const from = Date.parse(s.effectiveFrom);
    if (from <= at.getTime() && (!best || from > Date.parse(best.effectiveFrom))) best = s;
  }
  if (!best) throw new Error(`no case confirmation rule in force at ${at.toISOString()}`);
  return best;
}

/** Whether the evidence confirms a case under the given rule set. Pure: same input, same answer. */
export function confirmsCase(rules: CaseConfirmationRuleSet, e: ConfirmationEvidence): ConfirmationDecision {
  const ruleVersion = rules.version;
  const rapid = (): ConfirmationDecision => {
    const ok =
      rules.rapidAntigen === 'everyone' ||
      (rules.rapidAntigen === 'contacts_or_symptomatic' && (e.isContact === true || e.symptomatic === true));
    return ok
      ? { confirms: true, ruleVersion }
      : { confirms: false, ruleVersion, reason: 'rapid_test_not_confirming' };
  };
  switch (e.kind) {
    case 'lab_result':
      if (e.testType === 'rapid_antigen') return rapid();
      return rules.rtPcrConfirms
        ? { confirms: true, ruleVersion }
        : { confirms: false, ruleVersion, reason: 'test_not_confirming' };
    case 'rapid_test_of_contact':
      return rapid();
    case 'manual':
      return rules.manualAllowed
        ? { confirms: true, ruleVersion }
        : { confirms: false, ruleVersion, reason: 'manual_not_allowed' };
  }
}
