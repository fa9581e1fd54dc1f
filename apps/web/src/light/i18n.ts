// The light check-in page's texts: the full app's own check-in and scanner strings (one source for
// both pages), plus the few the light page alone shows. Plain objects, no i18n runtime.
import { checkinEn, checkinVi } from '../features/checkin/i18n';
import { scannerEn, scannerVi } from '../features/scanner/i18n';

const own = {
  vi: {
    'app.name': 'Phòng Dịch',
    'app.switchLanguage': 'English',
    'light.openApp': 'Mở ứng dụng Phòng Dịch',
  },
  en: {
    'app.name': 'Phòng Dịch',
    'app.switchLanguage': 'Tiếng Việt',
    'light.openApp': 'Open the Phòng Dịch app',
  },
};

export type LightKey =
  keyof (typeof own)['vi'] | `checkin.${keyof typeof checkinVi}` | `scanner.${keyof typeof scannerVi}`;

const tables = {
  vi: { checkin: checkinVi, scanner: scannerVi },
  en: { checkin: checkinEn, scanner: scannerEn },
};

export function lightText(lang: 'vi' | 'en', key: LightKey): string {
  if (key in own[lang]) return own[lang][key as keyof (typeof own)['vi']];
  const [ns, k] = key.split('.') as ['checkin' | 'scanner', string];
  return (tables[lang][ns] as Record<string, string>)[k] ?? key;
}
