/**
 * Two different places with the same commune code: Phường Trúc Bạch on the 2021 map and the 2025
 * Phường Ba Đình, which took its code 00004. Tests of "the map decides, never the digits" use both.
 */
export const baDinh2025 = {
  structure: '2025',
  provinceCode: '01',
  districtCode: null,
  communeCode: '00004',
} as const;

export const trucBach2021 = {
  structure: 'pre2025',
  provinceCode: '01',
  districtCode: '001',
  communeCode: '00004',
} as const;
