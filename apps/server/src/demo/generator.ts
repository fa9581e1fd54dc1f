import { foldVietnamese } from '@phongdich/domain';
import type { Queryable } from '../core/db/db';
import { Prng } from './prng';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, STREETS } from './names';

export interface Commune {
  code: string;
  districtCode: string;
  provinceCode: string;
}

export interface GeneratedPerson {
  fullName: string;
  birthDate: string;
  birthYear: number;
  sex: 'male' | 'female';
  cccd: string | null;
  bhyt: string | null;
  phone: string | null;
  communeCode: string;
  districtCode: string;
  provinceCode: string;
  street: string;
}

const BHYT_GROUPS = ['DN', 'HC', 'HT', 'HS', 'SV', 'TE', 'GD', 'CN', 'NO', 'XB'];
const FAMILY_CUM = cumulative(FAMILY_NAMES.map(([, w]) => w));

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Communes with weights: a province's census population spread evenly over its communes. */
export async function loadCommunes(
  q: Queryable,
  provinceCode?: string,
): Promise<{ communes: Commune[]; cum: number[] }> {
  const rows = await q.query<{ code: string; district_code: string; province_code: string; weight: number }>(
    `select c.code, c.district_code, c.province_code,
            coalesce(p.population, 1000000)::float8 / count(*) over (partition by c.province_code) as weight
       from admin_units c join admin_units p on p.structure = c.structure and p.code = c.province_code
      where c.structure = 'pre2025' and c.level = 3 and ($1::text is null or c.province_code = $1)
      order by c.code`,
    [provinceCode ?? null],
  );
  if (!rows.length) throw new Error('no communes loaded: run the migrations and reference data first');
  return {
    communes: rows.map((r) => ({
      code: r.code,
      districtCode: r.district_code,
      provinceCode: r.province_code,
    })),
    cum: cumulative(rows.map((r) => r.weight)),
  };
}

/**
 * A deterministic stream of people: the same seed and index always give the same person. ID numbers
 * follow the real structures (CCCD agrees with birth year and sex) and are unique: their serial parts
 * come from counters or bijective scrambles of the index, not from chance.
 */
export class PersonGenerator {
  private readonly rng: Prng;
  private readonly cccdSerial: Map<string, number>;
  private index = 0;

  constructor(
    seed: number,
    private readonly communes: { communes: Commune[]; cum: number[] },
    /** Offset so several runs into one database do not collide on phones and BHYT numbers. */
    private readonly indexOffset = 0,
    /** CCCD serials already used per prefix (province, century/sex, year), to continue after them. */
    usedCccdSerials: Map<string, number> = new Map(),
  ) {
    this.rng = new Prng(seed);
    this.cccdSerial = new Map(usedCccdSerials);
  }

  next(): GeneratedPerson {
    const r = this.rng;
    const i = this.indexOffset + this.index++;
    const sex = r.next() < 0.5 ? 'male' : 'female';
    const family = r.weighted(FAMILY_NAMES, FAMILY_CUM)[0];
    const fullName = `${family} ${r.pick(MIDDLE_NAMES[sex])} ${r.pick(GIVEN_NAMES[sex])}`;
    // A population pyramid, roughly: flat to 60, thinning after.
    const age = r.next() < 0.82 ? r.int(0, 59) : r.int(60, 95);
    const birthYear = 2021 - age;
    const birthDate = `${birthYear}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`;
    const commune = r.weighted(this.communes.communes, this.communes.cum);

    let cccd: string | null = null;
    if (age >= 14 || r.next() < 0.3) {
      const centurySex = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
      const prefix = `0${commune.provinceCode}${centurySex}${pad(birthYear % 100, 2)}`;
      const serial = (this.cccdSerial.get(prefix) ?? 0) + 1;
      this.cccdSerial.set(prefix, serial);
      cccd = `${prefix}${pad((serial * 7919 + 104729) % 1_000_000, 6)}`;
    }
    const bhyt =
      r.next() < 0.9
        ? `${r.pick(BHYT_GROUPS)}${r.int(1, 5)}${commune.provinceCode}${pad((i * 7919 + 1_234_567) % 10_000_000_000, 10)}`
        : null;
    const phone =
      age >= 15 && r.next() < 0.92
        ? `+84${r.pick(['3', '5', '7', '8', '9'])}${pad((i * 48271) % 100_000_000, 8)}`
        : null;
    return {
      fullName,
      birthDate,
      birthYear,
      sex,
      cccd,
      bhyt,
      phone,
      communeCode: commune.code,
      districtCode: commune.districtCode,
      provinceCode: commune.provinceCode,
      street: `${r.int(1, 300)} ${r.pick(STREETS)}`,
    };
  }
}

/** How many CCCD numbers each 6-digit prefix already has, so a second run continues the serials. */
export async function usedCccdSerials(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ prefix: string; n: number }>(
    `select substr(cccd, 1, 6) as prefix, count(*)::int as n from persons where cccd is not null group by 1`,
  );
  return new Map(rows.map((r) => [r.prefix, r.n]));
}

/** One multi-row insert per batch through unnest: the same statement on PGlite and PostgreSQL. */
export async function insertPeople(q: Queryable, people: GeneratedPerson[]): Promise<void> {
  const col = <K extends keyof GeneratedPerson>(k: K) => people.map((p) => p[k]);
  await q.query(
    `insert into persons (full_name, name_folded, birth_date, birth_year, sex, cccd, bhyt, phones,
                          commune_code, district_code, province_code, street)
     select n, f, d, y, s, c, b, case when ph is null then '{}'::text[] else array[ph] end, cc, dc, pc, st
       from unnest($1::text[], $2::text[], $3::date[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[])
            as t(n, f, d, y, s, c, b, ph, cc, dc, pc, st)`,
    [
      col('fullName'),
      people.map((p) => foldVietnamese(p.fullName)),
      col('birthDate'),
      col('birthYear'),
      col('sex'),
      col('cccd'),
      col('bhyt'),
      col('phone'),
      col('communeCode'),
      col('districtCode'),
      col('provinceCode'),
      col('street'),
    ],
  );
}
