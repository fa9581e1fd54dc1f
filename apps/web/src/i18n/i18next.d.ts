import type { vi } from './vi';
import type { PageStrings } from './page-strings';

// Typed keys: t('some.missing.key') fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi & PageStrings };
  }
}
