// DCC payload shape (schema 1.3.x field names); decoded data from older issuers may carry extra members.
export interface DccName {
  fn?: string;
  fnt?: string;
  gn?: string;
  gnt?: string;
}

interface EntryBase {
  tg: string;
  co: string;
  is: string;
  ci: string;
}

export interface VaccinationEntry extends EntryBase {
  vp: string;
  mp: string;
  ma: string;
  dn: number;
  sd: number;
  dt: string;
}

export interface TestEntry extends EntryBase {
  tt: string;
  nm?: string;
  ma?: string;
  sc: string;
  tr: string;
  tc?: string;
}

export interface RecoveryEntry extends EntryBase {
  fr: string;
  df: string;
  du: string;
}

export interface DccPayload {
  ver: string;
  nam: DccName;
  dob: string;
  v?: VaccinationEntry[];
  t?: TestEntry[];
  r?: RecoveryEntry[];
}

export type CertificateType = 'v' | 't' | 'r';

/** The single entry a DCC must hold, or undefined when there is not exactly one. */
export function certificateEntry(
  payload: DccPayload,
): { type: CertificateType; entry: VaccinationEntry | TestEntry | RecoveryEntry } | undefined {
  const groups = (['v', 't', 'r'] as const).filter((k) => payload[k] !== undefined);
  if (groups.length !== 1) return undefined;
  const type = groups[0]!;
  const list = payload[type];
  if (!Array.isArray(list) || list.length !== 1) return undefined;
  return { type, entry: list[0]! };
}
