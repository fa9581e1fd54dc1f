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

/** Schema versions before 1.3.0 allowed several entries of one type (certificates of 2021 carry them). */
function allowsSeveralEntries(ver: unknown): boolean {
  const m = typeof ver === 'string' ? /^1\.(\d+)\./.exec(ver) : null;
  return !!m && Number(m[1]) < 3;
}

type Entry = VaccinationEntry | TestEntry | RecoveryEntry;
/** The entry that speaks for a list: the highest dose, else the latest test or recovery. */
function latest(type: CertificateType, list: Entry[]): Entry {
  const rank = (e: Entry): number | string =>
    type === 'v' ? (e as VaccinationEntry).dn : type === 't' ? (e as TestEntry).sc : (e as RecoveryEntry).fr;
  return list.reduce((a, b) => (rank(b) > rank(a) ? b : a));
}

/**
 * The entry a DCC holds, or undefined when it holds none or more than one type. Several entries of one
 * type are accepted only under schemas before 1.3.0, which allowed them (the EU verifiers read such
 * certificates); the entry that speaks for them is the latest (highest dose number).
 */
export function certificateEntry(payload: DccPayload): { type: CertificateType; entry: Entry } | undefined {
  const groups = (['v', 't', 'r'] as const).filter((k) => payload[k] !== undefined);
  if (groups.length !== 1) return undefined;
  const type = groups[0]!;
  const list = payload[type] as Entry[] | undefined;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  if (list.length === 1) return { type, entry: list[0]! };
  if (!allowsSeveralEntries(payload.ver)) return undefined;
  if (!list.every((e) => typeof e === 'object' && e !== null)) return undefined;
  return { type, entry: latest(type, list) };
}
