// Sends queued site records one by one: doses (kind 'vaccination.dose'), screenings that end without a
// dose ('vaccination.screening') and adverse events reported at the site ('vaccination.aefi'). Each
// keeps the client id chosen when it was recorded, so a retry after a lost answer, or the same record
// sent by a second phone, is kept once by the server (it answers 200 with what it already has).
import { api, ApiError } from '../../api/client';
import { registerSender } from '../../offline/queue';

export const DOSE_KIND = 'vaccination.dose';
export const SCREENING_KIND = 'vaccination.screening';
export const AEFI_KIND = 'vaccination.aefi';

/** 4xx answers are final for the item; network errors, 401, 408, 429 and 5xx keep it pending. */
const isFinal = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 408, 429].includes(e.status);

function senderTo(url: string) {
  return async (items: Array<{ id: string; payload: unknown }>) => {
    const done: string[] = [];
    const rejected: { id: string; error: unknown }[] = [];
    for (const { id, payload } of items) {
      const { id: _id, ...body } = payload as Record<string, unknown> & { id: string };
      try {
        await api.post(url, { ...body, clientId: id });
        done.push(id);
      } catch (e) {
        if (!isFinal(e)) throw e;
        rejected.push({ id, error: { code: e.code, message: e.messages } });
      }
    }
    return { done, rejected };
  };
}

export const sendDoses = senderTo('/api/vaccination/doses');

export function registerDoseSender(): void {
  registerSender(DOSE_KIND, sendDoses);
  registerSender(SCREENING_KIND, senderTo('/api/vaccination/screenings'));
  registerSender(AEFI_KIND, senderTo('/api/vaccination/adverse-events'));
}
