// The light first-visit check-in page (checkin.html): what a phone that never opened the app runs
// when a venue poster's link opens /checkin on a slow network. No React, no i18n runtime: the page's
// HTML is usable as it arrives, and this script (a few KB) records the visit exactly as the full
// app's CheckinPage does — the same client id for a retry, the same offline queue and its sender, the
// server's errors in Vietnamese or English — then hands over: the service worker is installed for
// the next visit, and every other link opens the full app.
// The full app's stylesheet (one look); the build places its link after the content.
import '../styles.css';
import { classifyScannedCode } from '@phongdich/domain';
import { api, ApiError } from '../api/client';
import { enqueue, onQueueStatus, queueStatus, startOfflineQueue } from '../offline/queue';
import { registerCheckinSender } from '../features/scanner/checkin-sync';
import { startCameraReader } from '../features/scanner/camera-reader';
import type { CheckinResult } from '../features/scanner/types';
import { cachedPeople, loadMyPeople } from '../features/checkin/my-people';
import { formatterFor } from '../components/format-in';
import { AFTER_SIGN_IN_KEY } from '../auth/after-sign-in';
import { rememberMe } from '../auth/last-me';
import type { Me } from '../api/types';
import { lightText, type LightKey } from './i18n';
import { linkedVenueToken } from '../features/checkin/linked-venue';

const LANG_KEY = 'pd.lang'; // the full app's choice (src/i18n), read and written the same way
let lang: 'vi' | 'en' = 'vi';
try {
  lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
} catch {
  // private mode: Vietnamese
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const t = (key: LightKey, vars: Record<string, string | number> = {}) =>
  lightText(lang, key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

function translatePage(): void {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]'))
    el.textContent = t(el.dataset.t as LightKey);
  const other = lang === 'vi' ? 'en' : 'vi';
  const button = $('lang');
  button.lang = other;
  button.textContent = t('app.switchLanguage');
  button.hidden = false;
  showQueue();
  if (camera) $('camera').textContent = t('scanner.cameraOff');
}

function showQueue(): void {
  const s = queueStatus();
  $('online-state').textContent = s.online ? t('scanner.online') : t('scanner.offline');
  $('pending-count').textContent = t('scanner.pending', { count: s.pending });
}

/** Replaces the result area's content with one element (built with text nodes: no markup injection). */
function showResult(el: HTMLElement): void {
  $('result').replaceChildren(el);
  el.scrollIntoView({ block: 'nearest' });
}

function para(role: 'status' | 'alert', text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.setAttribute('role', role);
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

function showDone(r: CheckinResult): void {
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.dataset.testid = 'checkin-done';
  const line = document.createElement('p');
  const venue = document.createElement('strong');
  venue.textContent = r.venueName;
  line.append(
    `${r.duplicate ? t('checkin.duplicate') : t('checkin.done')} `,
    venue,
    ` · ${formatterFor(lang, 'time').format(new Date(r.serverTime))}`,
  );
  box.append(line);
  if (r.declarationRequired) {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = `/declare?venue=${encodeURIComponent(r.venueId)}`;
    a.textContent = t('checkin.declareNow');
    p.append(`${t('checkin.declarationRequired')} `, a);
    box.append(p);
  }
  showResult(box);
}

/** Not signed in (or the session ended): the full app signs the citizen in, then comes back here. */
function signInThenReturn(token: string): void {
  try {
    sessionStorage.setItem(AFTER_SIGN_IN_KEY, `/checkin#${token}`);
  } catch {
    // without storage the citizen lands on their home after signing in, and scans again
  }
  window.location.assign('/sign-in');
}

let linked = linkedVenueToken(window.location.hash);

async function onCode(text: string): Promise<void> {
  const code = classifyScannedCode(text);
  if (code.kind !== 'phongdich' || code.tokenType !== 'V') {
    showResult(para('alert', t('checkin.notVenueCode'), 'alert alert-error'));
    return;
  }
  if (linked) {
    linked = null;
    $('link-card').hidden = true;
    // The token leaves the address bar once used (history, screenshots, a shared tab).
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  const personId = $<HTMLSelectElement>('person').value;
  const item = {
    id: crypto.randomUUID(),
    venueToken: code.raw,
    ...(personId ? { personId } : {}),
    deviceTime: new Date().toISOString(),
  };
  try {
    showDone(await api.post<CheckinResult>('/api/checkins', item));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return signInThenReturn(code.raw);
    if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
      showResult(para('alert', e.messages[lang], 'alert alert-error'));
      return;
    }
    await enqueue('checkin', { ...item, kind: 'visitor' });
    showResult(para('status', t('checkin.queued')));
  }
  installForNextVisit();
}

let camera: (() => void) | null = null;
function toggleCamera(): void {
  const video = $<HTMLVideoElement>('video');
  if (camera) {
    camera();
    camera = null;
    video.hidden = true;
    $('camera').textContent = t('scanner.cameraOn');
    return;
  }
  video.hidden = false;
  $('camera').textContent = t('scanner.cameraOff');
  camera = startCameraReader(
    video,
    (text) => void onCode(text),
    () => {
      const error = $('camera-error');
      error.textContent = t('scanner.cameraUnavailable');
      error.hidden = false;
    },
  );
}

function showPeople(people: { id: string; fullName: string }[]): void {
  const select = $<HTMLSelectElement>('person');
  const chosen = select.value;
  select.replaceChildren(
    ...people.map((p, i) => {
      const o = document.createElement('option');
      o.value = i === 0 ? '' : p.id; // the citizen themself is the default, sent without a person id
      o.textContent = p.fullName;
      return o;
    }),
  );
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  $('person-row').hidden = people.length <= 1;
}

let installed = false;
/**
 * The full app's service worker, so the next visit opens the installed app at once, offline too.
 * Only once the visit is recorded (or queued): its precache download takes the browser's few
 * connections to this site for a while on a slow link, and the check-in must not wait behind it.
 */
function installForNextVisit(): void {
  if (installed || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  installed = true;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

function submitField(): void {
  const input = $<HTMLInputElement>('code');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void onCode(text);
}

translatePage();
$('lang').addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // private mode: this page only
  }
  translatePage();
});
$('code').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    submitField();
  }
});
$<HTMLButtonElement>('submit').addEventListener('click', submitField);
$<HTMLButtonElement>('submit').disabled = false;
$<HTMLButtonElement>('camera').addEventListener('click', toggleCamera);
$<HTMLButtonElement>('camera').disabled = false;
if (linked) {
  const token = linked;
  $('link-card').hidden = false;
  $('link-tap').addEventListener('click', () => void onCode(token));
}
showPeople(cachedPeople());
void loadMyPeople().then(showPeople);
onQueueStatus(showQueue);
registerCheckinSender();
startOfflineQueue();
// The account, remembered for the full app: the installed app then opens without waiting for it.
void api
  .get<{ account: Me }>('/api/auth/me')
  .then((r) => rememberMe(r.account))
  .catch(() => undefined);
