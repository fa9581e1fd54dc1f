/**
 * The requests of a morning's load, as a phone or a venue's scanner sends them, and their reference
 * twins: the same body to a bare route that stores it with one insert (see reference-server.ts).
 *  - checkin: a citizen scans a venue poster (POST /api/checkins)
 *  - declaration: a citizen submits a health declaration (POST /api/declarations)
 *  - scan: venue staff scan a visitor's card (POST /api/checkins/staff)
 *  - sync: a phone back online sends its queued check-ins (POST /api/checkins/batch)
 */
import type { Population } from './population';

export type Kind = 'checkin' | 'declaration' | 'scan' | 'sync';
export type Mode = 'product' | 'reference';

const PATH: Record<Kind, string> = {
  checkin: '/api/checkins',
  declaration: '/api/declarations',
  scan: '/api/checkins/staff',
  sync: '/api/checkins/batch',
};
const EXPECT: Record<Kind, number> = { checkin: 201, declaration: 201, scan: 201, sync: 200 };
const CLEAN = { symptoms: [], contact_case: false, contact_outbreak_area: false, contact_symptomatic: false };

export function requestFor(
  kind: Kind,
  mode: Mode,
  pop: Population,
  rand: () => number,
  batchSize: number,
  uuid: () => string,
): { path: string; cookie: string; body: string; expect: number } {
  const citizen = pop.citizens[Math.floor(rand() * pop.citizens.length)]!;
  const venue = () => pop.venues[Math.floor(rand() * pop.venues.length)]!;
  const now = Date.now();
  let cookie = citizen.cookie;
  let body: unknown;
  if (kind === 'checkin')
    body = { id: uuid(), venueToken: venue().token, deviceTime: new Date(now).toISOString() };
  else if (kind === 'declaration') body = { kind: 'domestic', answers: CLEAN };
  else if (kind === 'scan') {
    const v = venue();
    cookie = v.staffCookie;
    body = {
      id: uuid(),
      venueId: v.id,
      // Staff scan the visitor's personal app code; the server finds the person (never a bare id).
      code: citizen.code,
      deviceTime: new Date(now).toISOString(),
    };
  } else
    body = {
      // Offline for up to a day: device times spread over the last 24 hours.
      items: Array.from({ length: batchSize }, () => ({
        kind: 'visitor',
        id: uuid(),
        venueToken: venue().token,
        deviceTime: new Date(now - Math.floor(rand() * 86_400_000)).toISOString(),
      })),
    };
  const path = mode === 'product' ? PATH[kind] : `/ref/${kind}`;
  return { path, cookie, body: JSON.stringify(body), expect: EXPECT[kind] };
}
