import type { LocalText } from './types';

// The pre-vaccination screening checklist as versioned data (after the Ministry of Health's COVID-19
// screening form): each "yes" answer leads to an outcome, and the form ends in the most severe one.

export type ScreeningDecision = 'vaccinate' | 'postpone' | 'refer_hospital' | 'contraindicated';

/** From least to most severe: the form's outcome is the most severe any answer leads to. */
export const DECISION_SEVERITY: Record<ScreeningDecision, number> = {
  vaccinate: 0,
  postpone: 1,
  refer_hospital: 2,
  contraindicated: 3,
};

export interface ScreeningQuestion {
  id: string;
  text: LocalText;
  /** What a "yes" leads to. */
  ifYes: ScreeningDecision;
}

export interface ScreeningQuestionSet {
  version: string;
  effectiveFrom: string;
  questions: ScreeningQuestion[];
}

export const SCREENING_VN_2021: ScreeningQuestionSet = {
  version: 'screening-vn-2021.1',
  effectiveFrom: '2021-03-01T00:00:00+07:00',
  questions: [
    {
      id: 'anaphylaxis_previous_dose',
      text: {
        vi: 'Tiền sử phản vệ độ 3 trở lên với liều vắc xin trước hoặc thành phần của vắc xin?',
        en: 'Grade 3+ anaphylaxis to a previous dose or a component of the vaccine?',
      },
      ifYes: 'contraindicated',
    },
    {
      id: 'severe_allergy',
      text: {
        vi: 'Tiền sử dị ứng nặng với bất kỳ tác nhân nào?',
        en: 'History of severe allergy to anything?',
      },
      ifYes: 'refer_hospital',
    },
    {
      id: 'acute_illness',
      text: {
        vi: 'Đang sốt (≥ 37,5 °C) hoặc mắc bệnh cấp tính?',
        en: 'Fever (≥ 37.5 °C) or an acute illness now?',
      },
      ifYes: 'postpone',
    },
    {
      id: 'covid_recent',
      text: { vi: 'Mắc COVID-19 trong vòng 3 tháng?', en: 'COVID-19 within the last 3 months?' },
      ifYes: 'postpone',
    },
    {
      id: 'other_vaccine_14d',
      text: { vi: 'Tiêm vắc xin khác trong 14 ngày qua?', en: 'Another vaccine in the last 14 days?' },
      ifYes: 'postpone',
    },
    {
      id: 'immunosuppressed',
      text: {
        vi: 'Suy giảm miễn dịch, đang điều trị ung thư hoặc dùng thuốc ức chế miễn dịch?',
        en: 'Immunosuppressed, in cancer treatment or on immunosuppressants?',
      },
      ifYes: 'refer_hospital',
    },
    {
      id: 'pregnant_early',
      text: { vi: 'Đang mang thai dưới 13 tuần?', en: 'Pregnant, under 13 weeks?' },
      ifYes: 'postpone',
    },
    {
      id: 'chronic_uncontrolled',
      text: {
        vi: 'Bệnh nền đang tiến triển, chưa kiểm soát?',
        en: 'A chronic disease that is progressing, not under control?',
      },
      ifYes: 'refer_hospital',
    },
    {
      id: 'bleeding_disorder',
      text: {
        vi: 'Rối loạn đông máu hoặc giảm tiểu cầu?',
        en: 'A bleeding disorder or low platelets?',
      },
      ifYes: 'refer_hospital',
    },
  ],
};

/**
 * The outcome the answers lead to; null when a question of the set is unanswered (the form is
 * incomplete). Answers to questions the set does not have are ignored.
 */
export function screeningOutcome(
  set: ScreeningQuestionSet,
  answers: Record<string, boolean>,
): ScreeningDecision | null {
  let outcome: ScreeningDecision = 'vaccinate';
  for (const q of set.questions) {
    const a = answers[q.id];
    if (a === undefined) return null;
    if (a && DECISION_SEVERITY[q.ifYes] > DECISION_SEVERITY[outcome]) outcome = q.ifYes;
  }
  return outcome;
}
