import { validateBhyt, validateCccd, validateCmnd, validateVnMobile } from '@phongdich/domain';
import type { PersonInput } from '../../api/types';
import type { Lang } from '../../i18n';

/**
 * Client-side hints from the shared domain rules, so the officer sees a wrong CCCD before sending.
 * The server validates again; these only save a round trip. Returns field → message.
 */
export function personHints(input: PersonInput, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const first = (field: string, problems: { vi: string; en: string }[]) => {
    if (problems[0]) out[field] = problems[0][lang];
  };
  if (input.cccd) first('cccd', validateCccd(input.cccd, { birthYear: input.birthYear, sex: input.sex }));
  if (input.cmnd) first('cmnd', validateCmnd(input.cmnd));
  if (input.bhyt) first('bhyt', validateBhyt(input.bhyt));
  for (const p of input.phones ?? []) first('phones', validateVnMobile(p));
  return out;
}
