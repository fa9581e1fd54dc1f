import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'pd.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** Switches the language and remembers it on this device. */
export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
