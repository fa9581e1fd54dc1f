// Sends queued doses (kind 'vaccination.dose') one by one. Each keeps the client id chosen when the
// dose was recorded, so a retry after a lost answer, or the same dose recorded by a second phone, is
// kept once by the server (it answers 200 with the dose it already has).
import { api, ApiError } from '../../api/client';
import { registerSender } from '../../offline/queue';

export const DOSE_KIND = 'vaccination.dose';

/** 4xx answers are final for the item; network errors, 401, 408, 429 and 5xx keep it pending. */
const isFinal = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 408, 429].includes(e.status);

export async function sendDoses(items: Array<{ id: string; payload: unknown }>) {
  const done: string[] = [];
  const rejected: { id: string; error: unknown }[] = [];
  for (const { id, payload } of items) {
    const { id: _id, ...body } = payload as Record<string, unknown> & { id: string };
    try {
      await api.post('/api/vaccination/doses', { ...body, clientId: id });
      done.push(id);
    } catch (e) {
      if (!isFinal(e)) throw e;
      rejected.push({ id, error: { code: e.code, message: e.messages } });
    }
  }
  return { done, rejected };
}

export function registerDoseSender(): void {
  registerSender(DOSE_KIND, sendDoses);
}
