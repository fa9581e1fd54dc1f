/** A field-level validation problem with a stable code and bilingual message. */
export interface IdentityProblem {
  code: string;
  vi: string;
  en: string;
}

export function problem(code: string, vi: string, en: string): IdentityProblem {
  return { code, vi, en };
}
