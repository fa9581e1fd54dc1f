import i18n from './index';
import type { vaccinationImportVi } from '../features/vaccination/vaccination-import-i18n';
import type { vaccinationInviteVi } from '../features/vaccination/invite-i18n';

/**
 * Strings of staff pages that travel with the page's own code, not in the bundle every citizen's phone
 * downloads first (e2e/web-weight.test.ts keeps that under 150 KB). A page's strings file registers
 * them when its lazy chunk loads, before the page renders. Their keys stay typed (i18next.d.ts).
 */
export interface PageStrings {
  vaccinationImport: typeof vaccinationImportVi;
  vaccinationInvite: typeof vaccinationInviteVi;
}

export function addPageStrings<K extends keyof PageStrings>(
  key: K,
  vi: PageStrings[K],
  en: PageStrings[K],
): void {
  i18n.addResourceBundle('vi', 'translation', { [key]: vi }, true, true);
  i18n.addResourceBundle('en', 'translation', { [key]: en }, true, true);
}
