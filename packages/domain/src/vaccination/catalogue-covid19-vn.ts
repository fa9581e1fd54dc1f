import type { VaccinationCatalogue, VaccineProduct } from './types';

// Codes from the EU DCC value sets (packages/dcc/standards/valuesets): mp vaccine-medicinal-product,
// ma vaccine-mah-manf, vp vaccine-prophylaxis. Intervals and ages as the Ministry of Health's 2021-22
// guidance applied them; a change of policy is a new catalogue version, not an edit of this one.
const VECTOR_OR_ANTIGEN = '1119305005';
const MRNA = '1119349007';

const two = (minDays: number, recommendedDays: number) => [{ minDays, recommendedDays }];

const products: VaccineProduct[] = [
  {
    mp: 'EU/1/21/1529',
    ma: 'ORG-100001699',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'AstraZeneca (Vaxzevria)', en: 'AstraZeneca (Vaxzevria)' },
    aliases: ['astra', 'astrazeneca', 'az', 'vaxzevria', 'covishield'],
    schedule: {
      doses: 2,
      intervals: two(28, 56),
      minAgeYears: 18,
      maxAgeYears: null,
      mixWith: ['EU/1/20/1528', 'EU/1/20/1507'],
    },
  },
  {
    mp: 'EU/1/20/1528',
    ma: 'ORG-100030215',
    vp: MRNA,
    name: { vi: 'Pfizer-BioNTech (Comirnaty)', en: 'Pfizer-BioNTech (Comirnaty)' },
    aliases: ['pfizer', 'pfizer-biontech', 'comirnaty', 'biontech'],
    schedule: {
      doses: 2,
      intervals: two(21, 21),
      minAgeYears: 12,
      maxAgeYears: null,
      mixWith: ['EU/1/20/1507', 'EU/1/21/1529'],
    },
  },
  {
    mp: 'EU/1/20/1507',
    ma: 'ORG-100031184',
    vp: MRNA,
    name: { vi: 'Moderna (Spikevax)', en: 'Moderna (Spikevax)' },
    aliases: ['moderna', 'spikevax'],
    schedule: {
      doses: 2,
      intervals: two(28, 28),
      minAgeYears: 12,
      maxAgeYears: null,
      mixWith: ['EU/1/20/1528', 'EU/1/21/1529'],
    },
  },
  {
    mp: 'BBIBP-CorV',
    ma: 'ORG-100020693',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Sinopharm (Vero Cell)', en: 'Sinopharm (Vero Cell / BBIBP-CorV)' },
    aliases: ['vero cell', 'verocell', 'vero', 'sinopharm', 'bbibp-corv'],
    schedule: { doses: 2, intervals: two(21, 28), minAgeYears: 18, maxAgeYears: null, mixWith: [] },
  },
  {
    mp: 'Sputnik-V',
    ma: 'Gamaleya-Research-Institute',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Sputnik V (Gam-COVID-Vac)', en: 'Sputnik V (Gam-COVID-Vac)' },
    aliases: ['sputnik', 'sputnik v', 'gam-covid-vac'],
    schedule: { doses: 2, intervals: two(21, 21), minAgeYears: 18, maxAgeYears: null, mixWith: [] },
  },
  {
    mp: 'EU/1/20/1525',
    ma: 'ORG-100001417',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Janssen (Jcovden)', en: 'Janssen (Jcovden)' },
    aliases: ['janssen', 'johnson', 'j&j', 'jcovden'],
    schedule: { doses: 1, intervals: [], minAgeYears: 18, maxAgeYears: null, mixWith: [] },
  },
  {
    mp: 'Hayat-Vax',
    ma: 'ORG-100023050',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Hayat-Vax', en: 'Hayat-Vax' },
    aliases: ['hayat', 'hayat-vax', 'hayat vax'],
    schedule: {
      doses: 2,
      intervals: two(21, 28),
      minAgeYears: 18,
      maxAgeYears: null,
      mixWith: ['BBIBP-CorV'],
    },
  },
  {
    mp: 'Abdala',
    ma: 'CIGB',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Abdala', en: 'Abdala' },
    aliases: ['abdala', 'cigb-66'],
    schedule: {
      doses: 3,
      intervals: [
        { minDays: 14, recommendedDays: 14 },
        { minDays: 14, recommendedDays: 14 },
      ],
      minAgeYears: 18,
      maxAgeYears: null,
      mixWith: [],
    },
  },
  {
    mp: 'EU/1/21/1618',
    ma: 'ORG-100032020',
    vp: VECTOR_OR_ANTIGEN,
    name: { vi: 'Novavax (Nuvaxovid)', en: 'Novavax (Nuvaxovid)' },
    aliases: ['novavax', 'nuvaxovid', 'covovax'],
    schedule: { doses: 2, intervals: two(21, 21), minAgeYears: 18, maxAgeYears: null, mixWith: [] },
  },
];

export const COVID19_VN_CATALOGUE: VaccinationCatalogue = {
  disease: 'covid-19',
  diseaseCode: '840539006',
  version: 'covid19-vn-2021.1',
  effectiveFrom: '2021-03-01T00:00:00+07:00',
  products,
  boosters: [
    // 3rd dose ≥ 3 months after the primary series; 4th ≥ 4 months after the 3rd, for 50 and over.
    {
      ordinal: 1,
      minDaysAfterPrevious: 90,
      products: ['EU/1/20/1528', 'EU/1/20/1507', 'EU/1/21/1529'],
      minAgeYears: 18,
    },
    { ordinal: 2, minDaysAfterPrevious: 120, products: ['EU/1/20/1528', 'EU/1/20/1507'], minAgeYears: 50 },
  ],
  priorityGroups: [
    { code: 'health_worker', name: { vi: 'Nhân viên y tế', en: 'Health workers' } },
    { code: 'frontline', name: { vi: 'Lực lượng tuyến đầu chống dịch', en: 'Front-line forces' } },
    { code: 'older_65', name: { vi: 'Người từ 65 tuổi trở lên', en: 'People aged 65 and over' } },
    { code: 'chronic_disease', name: { vi: 'Người mắc bệnh nền', en: 'People with chronic disease' } },
    { code: 'teacher', name: { vi: 'Giáo viên', en: 'Teachers' } },
    { code: 'essential_worker', name: { vi: 'Người làm dịch vụ thiết yếu', en: 'Essential workers' } },
    { code: 'pregnant', name: { vi: 'Phụ nữ mang thai (từ tuần 13)', en: 'Pregnant women (from week 13)' } },
    { code: 'general', name: { vi: 'Người dân từ 18 tuổi', en: 'Adults 18 and over' } },
  ],
};
