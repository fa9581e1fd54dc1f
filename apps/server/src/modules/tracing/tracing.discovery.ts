import {
  defaultStayMinutes,
  exposureScore,
  infectiousWindow,
  latestExposure,
  overlap,
  overlapMinutes,
  presenceInterval,
  vnDay,
  type Evidence,
  type Interval,
  type TracingRuleSet,
} from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { presencesOf, presentAt } from '../checkins';
import { householdOf, personAreas } from '../people';
import { venuesForTracing, type VenueForTracing } from '../venues';
import type { CaseForTracing } from '../cases';
import { MIN_MS } from './tracing.rules';

/** Whom discovery looks around: a case (F1 from it) or a confirmed contact (the next generation). */
export interface Subject {
  kind: 'case' | 'contact';
  id: string;
  rootCaseId: string;
  personId: string;
  /** The generation of the contacts found (1 around a case). */
  generation: number;
  window: Interval;
  /** People never listed as contacts of this subject (the chain's own cases). */
  exclude: string[];
}

/** The subject of a case: its infectious window from the rules in force when it was confirmed. */
export function caseSubject(c: CaseForTracing, rules: TracingRuleSet, now: Date): Subject {
  return {
    kind: 'case',
    id: c.id,
    rootCaseId: c.id,
    personId: c.personId,
    generation: 1,
    window: infectiousWindow(
      { symptomOnset: c.symptomOnset, sampleDate: c.sampleDate, isolatedAt: c.isolatedAt },
      rules,
      now,
    ),
    exclude: [c.personId],
  };
}

/** At most this many check-in pieces of evidence are kept per contact (the strongest). */
const MAX_CHECKIN_EVIDENCE = 20;

/**
 * Everyone the subject may have exposed in the window, with the evidence: overlapping presence at the
 * same point, or at its parent or children (a market and its stalls); the household; proximity
 * encounters already resolved for the case. Pure reads through the owners' queries.
 */
export async function findCandidates(
  q: Queryable,
  s: Subject,
  rules: TracingRuleSet,
): Promise<{ found: Map<string, Evidence[]>; visits: Map<string, Interval> }> {
  const maxStay = rules.presence.maxStayMinutes * MIN_MS;
  const found = new Map<string, Evidence[]>();
  const add = (personId: string, e: Evidence) => {
    if (s.exclude.includes(personId) || personId === s.personId) return;
    const list = found.get(personId) ?? [];
    list.push(e);
    found.set(personId, list);
  };

  // 1. The subject's own visits that reach into the window (a check-in up to the longest stay before it).
  const own = await presencesOf(q, s.personId, new Date(s.window.start.getTime() - maxStay), s.window.end);
  // The points visited and their parents and children (a market and its stalls), in one query.
  const points = await venuesForTracing(q, [...new Set(own.map((p) => p.venueId))], { family: true });
  const venue = (id: string): VenueForTracing | undefined => points.get(id);

  type Slot = { venueId: string; via?: 'parent' | 'child'; exposure: Interval; estimated: boolean };
  const slots: Slot[] = [];
  // The points the subject was at during the window, first to last (clusters are found from them).
  const visits = new Map<string, Interval>();
  for (const p of own) {
    const v = venue(p.venueId);
    const iv = presenceInterval({ ...p, venueKind: v?.kind ?? 'other' }, rules);
    const exposure = overlap(iv, s.window);
    if (!exposure) continue;
    const seenAt = visits.get(p.venueId);
    visits.set(p.venueId, {
      start: seenAt && seenAt.start < exposure.start ? seenAt.start : exposure.start,
      end: seenAt && seenAt.end > exposure.end ? seenAt.end : exposure.end,
    });
    slots.push({ venueId: p.venueId, exposure, estimated: iv.estimated });
    if (v?.parentId) slots.push({ venueId: v.parentId, via: 'parent', exposure, estimated: iv.estimated });
    for (const c of v?.childIds ?? [])
      slots.push({ venueId: c, via: 'child', exposure, estimated: iv.estimated });
  }
  // 2. Everyone who checked in at those points early enough to still be there.
  const others = await presentAt(
    q,
    slots.map((sl) => ({
      venueId: sl.venueId,
      from: new Date(sl.exposure.start.getTime() - maxStay),
      to: sl.exposure.end,
      // Bounded: still there when the exposure began — checked out after it, or, with no check-out,
      // checked in less than the point kind's default stay before it (presenceInterval's rule).
      leftAfter: sl.exposure.start,
      estimatedFrom: new Date(
        sl.exposure.start.getTime() -
          Math.min(
            defaultStayMinutes(rules, venue(sl.venueId)?.kind ?? 'other'),
            rules.presence.maxStayMinutes,
          ) *
            MIN_MS,
      ),
    })),
  );
  const slotsAt = new Map<string, Slot[]>();
  for (const sl of slots) slotsAt.set(sl.venueId, [...(slotsAt.get(sl.venueId) ?? []), sl]);
  const seen = new Set<string>();
  for (const o of others) {
    const kind = venue(o.venueId)?.kind ?? 'other';
    const theirs = presenceInterval({ ...o, venueKind: kind }, rules);
    for (const sl of slotsAt.get(o.venueId) ?? []) {
      const common = overlap(theirs, sl.exposure);
      if (!common) continue;
      // The same visit matched twice (two slots at one point overlapping): once.
      const key = `${o.personId}|${o.venueId}|${common.start.getTime()}|${common.end.getTime()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(o.personId, {
        kind: 'checkin',
        venueId: o.venueId,
        venueKind: kind,
        ...(sl.via ? { via: sl.via } : {}),
        from: common.start.toISOString(),
        to: common.end.toISOString(),
        overlapMinutes: Math.round(overlapMinutes(theirs, sl.exposure) * 10) / 10,
        estimated: sl.estimated || theirs.estimated,
      });
    }
  }
  for (const [id, list] of found) {
    if (list.length > MAX_CHECKIN_EVIDENCE) {
      list.sort(
        (a, b) =>
          (b.kind === 'checkin' ? b.overlapMinutes : 0) - (a.kind === 'checkin' ? a.overlapMinutes : 0),
      );
      found.set(id, list.slice(0, MAX_CHECKIN_EVIDENCE));
    }
  }

  // 3. The household, exposed throughout the window.
  for (const h of await householdOf(q, s.personId))
    add(h.personId, { kind: 'household', relation: h.relation });

  // 4. Proximity encounters the case uploaded, resolved to people, within the window.
  if (s.kind === 'case') {
    const enc = await q.query<{
      person_id: string;
      at: Date;
      duration_minutes: number;
      rssi: number;
      upload_id: string;
    }>(
      `select person_id, at, duration_minutes, rssi, upload_id from proximity_encounters
        where case_id = $1 and person_id is not null and at >= $2 and at < $3 and duration_minutes >= $4
        order by at limit 5000`,
      [s.id, s.window.start, s.window.end, rules.proximity.minDurationMinutes],
    );
    for (const e of enc)
      add(e.person_id, {
        kind: 'proximity',
        at: e.at.toISOString(),
        durationMinutes: e.duration_minutes,
        rssi: e.rssi,
        uploadId: e.upload_id,
      });
  }
  return { found, visits };
}

/**
 * Writes the candidates of a subject: one row per person (unique (subject, person)), so a re-run
 * updates evidence and score and never adds a second row. Evidence an officer added by hand (named
 * contacts) is kept across runs. Decisions (confirmed, dismissed) are kept; only the evidence moves.
 * People not in the registry (merged away) are left out. Returns how many rows were new or changed.
 */
export async function saveCandidates(
  tx: Queryable,
  s: Subject,
  found: Map<string, Evidence[]>,
  rules: TracingRuleSet,
): Promise<{ candidates: number; changed: number }> {
  const existing = await tx.query<{ person_id: string; evidence: Evidence[] }>(
    `select person_id, evidence from contacts where subject_id = $1`,
    [s.id],
  );
  for (const row of existing) {
    // Evidence no run can find again is carried over, never twice: lines an officer added by hand
    // (the investigation's own lines come fresh with every run, namedFromInvestigation), and
    // encounters whose log the retention deleted (stripped of their upload: the contact's copy is
    // the only record left, and a re-run for other evidence must not drop it).
    const mine = found.get(row.person_id) ?? [];
    const carried = row.evidence.filter(
      (e) =>
        ((e.kind === 'named' && !e.namedId) || (e.kind === 'proximity' && !e.uploadId)) &&
        !mine.some((m) => JSON.stringify(m) === JSON.stringify(e)),
    );
    if (carried.length) found.set(row.person_id, [...mine, ...carried]);
  }
  const areas = await personAreas(tx, [...found.keys()]);
  const rows = [...found].filter(([id]) => areas.has(id));
  if (!rows.length) return { candidates: 0, changed: 0 };
  const fallbackDay = vnDay(s.window.end);
  const res = await tx.query<{ n: number }>(
    `with input as (
       select * from unnest($5::uuid[], $6::date[], $7::text[], $8::numeric[], $9::text[], $10::text[], $11::text[], $12::text[])
         as i(person_id, exposure_date, evidence, score, commune_code, district_code, province_code, unit_structure)
     ), w as (
       insert into contacts (subject_kind, subject_id, root_case_id, generation, rules_version, person_id,
                             exposure_date, evidence, score, commune_code, district_code, province_code, unit_structure)
       select $1, $2, $3, $4, $13, person_id, exposure_date, evidence::jsonb, score, commune_code, district_code,
              province_code, unit_structure from input
       on conflict (subject_id, person_id) do update
         set evidence = excluded.evidence, score = excluded.score, exposure_date = excluded.exposure_date,
             rules_version = excluded.rules_version, commune_code = excluded.commune_code,
             district_code = excluded.district_code, province_code = excluded.province_code,
             unit_structure = excluded.unit_structure, updated_at = now(), version = contacts.version + 1
         where contacts.evidence <> excluded.evidence or contacts.score <> excluded.score
       returning 1)
     select count(*)::int as n from w`,
    [
      s.kind,
      s.id,
      s.rootCaseId,
      s.generation,
      rows.map(([id]) => id),
      rows.map(([, ev]) => {
        const last = latestExposure(ev);
        return last ? vnDay(last) : fallbackDay;
      }),
      rows.map(([, ev]) => JSON.stringify(ev)),
      rows.map(([, ev]) => exposureScore(ev, rules)),
      rows.map(([id]) => areas.get(id)!.communeCode),
      rows.map(([id]) => areas.get(id)!.districtCode),
      rows.map(([id]) => areas.get(id)!.provinceCode),
      rows.map(([id]) => areas.get(id)!.structure),
      rules.version,
    ],
  );
  return { candidates: rows.length, changed: res[0]?.n ?? 0 };
}
