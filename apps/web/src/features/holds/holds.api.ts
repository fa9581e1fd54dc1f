import { api } from '../../api/client';
import type { CheckinHold, DeclarationHold, HoldItem, HoldSubject } from './types';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `date` input's value, in the reader's time zone. */
export const dateValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A moment as a `datetime-local` input's value (to the minute), in the reader's time zone. */
export const dateTimeValue = (d: Date) => `${dateValue(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

/** The form's values as the API takes them: a hold lasts to the end of its last day. */
export function holdBody(v: { from: string; to: string; until: string; reason: string }) {
  const iso = (s: string) => (s ? new Date(s).toISOString() : '');
  return {
    from: iso(v.from),
    to: iso(v.to),
    until: v.until ? new Date(`${v.until}T23:59:59`).toISOString() : '',
    reason: v.reason.trim(),
  };
}

/** The holds in force (or, with active false, ended) on a person (check-ins and declarations) or a point. */
export async function holdsOf(subject: HoldSubject, active = true): Promise<HoldItem[]> {
  const query = { [subject.kind === 'person' ? 'personId' : 'venueId']: subject.id, active };
  const [checkins, declarations] = await Promise.all([
    api.get<{ items: CheckinHold[] }>('/api/checkin-holds', query),
    subject.kind === 'person'
      ? api.get<{ items: DeclarationHold[] }>(`/api/people/${subject.id}/declaration-holds`, { active })
      : Promise.resolve({ items: [] }),
  ]);
  return [
    ...checkins.items.map((h) => ({ kind: 'checkins' as const, ...h })),
    ...declarations.items.map((h) => ({ kind: 'declarations' as const, ...h })),
  ];
}

/** In force (true), ended (false) or both (undefined). */
export type HoldState = boolean | undefined;
/** Each kind is capped at this many, newest first (the server allows up to 500). */
export const AREA_LIMIT = 200;

/**
 * Every hold of the officer's area, of the kinds asked for, newest first. Each kind is capped at
 * AREA_LIMIT: `capped` says when a list may have been cut.
 */
export async function areaHolds(
  kinds: HoldItem['kind'][],
  active: HoldState,
): Promise<{ items: HoldItem[]; capped: boolean }> {
  const query = { active, limit: AREA_LIMIT };
  const none = Promise.resolve({ items: [] });
  const [checkins, declarations] = await Promise.all([
    kinds.includes('checkins') ? api.get<{ items: CheckinHold[] }>('/api/checkin-holds', query) : none,
    kinds.includes('declarations')
      ? api.get<{ items: DeclarationHold[] }>('/api/declaration-holds', query)
      : none,
  ]);
  const items: HoldItem[] = [
    ...checkins.items.map((h) => ({ kind: 'checkins' as const, ...h })),
    ...declarations.items.map((h) => ({ kind: 'declarations' as const, ...h })),
  ];
  // ISO times in UTC sort as text.
  items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const capped = [checkins, declarations].some((l) => l.items.length >= AREA_LIMIT);
  return { items, capped };
}

export function placeHold(
  subject: HoldSubject,
  kind: HoldItem['kind'],
  body: ReturnType<typeof holdBody>,
  key: string,
): Promise<unknown> {
  const headers = { 'Idempotency-Key': key };
  if (kind === 'declarations') {
    const { until, reason } = body;
    return api.post(`/api/people/${subject.id}/declaration-holds`, { until, reason }, headers);
  }
  const base = subject.kind === 'person' ? '/api/people' : '/api/venues';
  return api.post(`${base}/${subject.id}/checkin-holds`, body, headers);
}

export function releaseHold(item: HoldItem): Promise<unknown> {
  const base = item.kind === 'checkins' ? '/api/checkin-holds' : '/api/declaration-holds';
  return api.post(`${base}/${item.id}/release`, {});
}
