// Health-status colour model. Rule sets are plain JSON-able data so they can be versioned,
// stored and reviewed; new status sources plug in as new facts + rules, not engine code.

// Orange (cam) is the close contact's colour in the Vietnamese scheme: red F0, orange F1, yellow F2.
export const COLOURS = ['green', 'yellow', 'orange', 'red'] as const;
export type StatusColour = (typeof COLOURS)[number];

/** Higher = more severe. The engine reports the most severe matching colour. */
export const COLOUR_SEVERITY: Record<StatusColour, number> = { green: 0, yellow: 1, orange: 2, red: 3 };

export interface BilingualText {
  vi: string;
  en: string;
}

/**
 * Something known about a person, from any source ('declaration', 'case', 'contact', 'test',
 * 'vaccination', 'quarantine', or any future one). `at` is when it happened (ISO date-time);
 * `validUntil`, when set, is when it stops counting (e.g. end of quarantine).
 */
export interface StatusFact {
  source: string;
  kind: string;
  at: string;
  validUntil?: string;
  data?: Record<string, unknown>;
}

export interface RuleCondition {
  /** Only facts from this source; any source when omitted. */
  source?: string;
  kind: string;
  /** The fact happened at most this many days (× 24 h) before now. */
  withinDays?: number;
  /** The fact is at most this old: `<n>m`, `<n>h` or `<n>d`, e.g. '72h'. */
  notOlderThan?: string;
  /** A fact of one of these kinds (same source if `source` is set), at or after it, cancels it. */
  supersededBy?: string[];
}

export interface StatusRule {
  id: string;
  when: RuleCondition;
  colour: StatusColour;
  reason: BilingualText;
  /** Orders the reasons shown for the winning colour (higher first); does not change the colour. */
  priority: number;
}

export interface StatusRuleSet {
  id: string;
  version: string;
  /** ISO date or date-time from which this rule set is in force. */
  effectiveFrom: string;
  description?: BilingualText;
  defaultColour: StatusColour;
  /** Shown when no rule matches. */
  defaultReason: BilingualText;
  rules: StatusRule[];
}

export interface StatusReason extends BilingualText {
  /** The matching rule's id, or 'default' when no rule matched. */
  ruleId: string;
}

export interface StatusResult {
  colour: StatusColour;
  reasons: StatusReason[];
  ruleSetVersion: string;
}
