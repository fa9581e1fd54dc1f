// Countries by ISO 3166-1 alpha-2 code, named in the reader's language by the browser itself
// (Intl.DisplayNames): no name table to ship or keep up to date, only the list of current codes.
import { foldVietnamese } from '@phongdich/domain';

// The 249 officially assigned codes (ISO 3166-1, 2024). ICU also names withdrawn or reserved codes
// (YU, CS, EU, UN…), so the list of current ones is kept here rather than derived.
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW';

export interface Country {
  code: string;
  name: string;
  /** The name folded (no diacritics, lower case) for search. */
  folded: string;
}

const lists = new Map<string, Country[]>();

/** Every country named in `lang`, Việt Nam first, the rest in that language's alphabetical order. */
export function countries(lang: 'vi' | 'en'): Country[] {
  let list = lists.get(lang);
  if (!list) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(lang);
    list = CODES.split(' ')
      .map((code) => {
        const name = names.of(code) ?? code;
        return { code, name, folded: foldVietnamese(name) };
      })
      .sort((a, b) => (a.code === 'VN' ? -1 : b.code === 'VN' ? 1 : collator.compare(a.name, b.name)));
    lists.set(lang, list);
  }
  return list;
}

/** Countries whose name (or code) matches what was typed, with or without diacritics. */
export function searchCountries(lang: 'vi' | 'en', q: string, limit = 8): Country[] {
  const f = foldVietnamese(q);
  if (!f) return [];
  const all = countries(lang);
  const code = q.trim().toUpperCase();
  const starts = all.filter((c) => c.folded.startsWith(f) || c.code === code);
  const inside = all.filter((c) => !starts.includes(c) && c.folded.includes(f));
  return [...starts, ...inside].slice(0, limit);
}

export function countryName(lang: 'vi' | 'en', code: string): string {
  return countries(lang).find((c) => c.code === code)?.name ?? code;
}
