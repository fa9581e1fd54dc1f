import type { SessionSummary, Tube } from './types';

const SESSIONS_KEY = 'phongdich.sampling.sessions';
const CHOSEN_KEY = 'phongdich.sampling.session';

/** Sessions are kept on the device so the page works after losing the connection. */
export function cachedSessions(): SessionSummary[] {
  try {
    return JSON.parse(localStorage.getItem(SESSIONS_KEY) ?? '[]') as SessionSummary[];
  } catch {
    return [];
  }
}
export const cacheSessions = (s: SessionSummary[]) => localStorage.setItem(SESSIONS_KEY, JSON.stringify(s));
export const chosenSession = () => localStorage.getItem(CHOSEN_KEY) ?? '';
export const chooseSession = (id: string) => localStorage.setItem(CHOSEN_KEY, id);

/** The tube on the bench: server members plus links still waiting in the offline queue. */
export interface LocalTube {
  barcode: string;
  sealed: boolean;
  members: { key: string; label: string; pending: boolean }[];
}

export function fromServer(t: Tube): LocalTube {
  return {
    barcode: t.barcode,
    sealed: t.sealed,
    members: t.members.map((m) => ({
      key: m.personId,
      label: m.fullName ? `${m.fullName}${m.birthYear ? ` (${m.birthYear})` : ''}` : m.personId.slice(0, 8),
      pending: false,
    })),
  };
}
