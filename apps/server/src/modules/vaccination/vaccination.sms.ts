// SMS go out without diacritics (GSM-7, so one message is 160 characters and every phone shows it).
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đ]/g, 'd')
    .replace(/[Đ]/g, 'D')
    .replace(/[^\x20-\x7e]/g, '');

const two = (n: number) => String(n).padStart(2, '0');

/** hh:mm dd/mm/yyyy in Viet Nam. */
function vnTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/**
 * The booking confirmation: when and where, what to bring, and a short code the site can look up.
 * No name (the phone may be shared); the site name is cut so the message never exceeds 160 characters.
 */
export function bookingSms(b: {
  startsAt: Date;
  siteName: string;
  code: string;
  forFamily: boolean;
}): string {
  const head = `PhongDich: Lich tiem vac xin${b.forFamily ? ' cho nguoi than' : ''} ${vnTime(b.startsAt)} tai `;
  const tail = `. Mang CCCD/the BHYT. Ma hen ${b.code}`;
  const room = 160 - head.length - tail.length;
  const site = ascii(b.siteName).slice(0, Math.max(0, room)).trim();
  return head + site + tail;
}

/** A serious adverse event, to district and province officers: no name, the worklist holds the rest. */
export function seriousAefiNotice(communeName: string): string {
  return `PhongDich: Phan ung nang sau tiem (AEFI) tai ${ascii(communeName).slice(0, 60)}. Xem danh sach viec can xu ly.`;
}

/** One SMS: GSM-7 without diacritics, never more than 160 characters. */
export const SMS_MAX = 160;

/**
 * An invitation: where, that the person may book, and where to book. No name (the phone may be shared)
 * and nothing personal in the link: it opens the citizen's own vaccination page after sign-in. The site
 * name is cut to what the 160 characters leave; a very long link gives way to the app's name.
 */
export function invitationSms(i: { siteName: string; bookingUrl: string }): string {
  const head = 'PhongDich: Moi ban di tiem vac xin tai ';
  const withLink = `. Dat lich: ${ascii(i.bookingUrl)} Mang CCCD/the BHYT`;
  const tail =
    head.length + withLink.length + 20 <= SMS_MAX
      ? withLink
      : '. Dat lich tren PhongDich. Mang CCCD/the BHYT';
  const site = ascii(i.siteName)
    .slice(0, Math.max(0, SMS_MAX - head.length - tail.length))
    .trim();
  return head + site + tail;
}

/** The reminder the day before a booked slot: when, where, and the booking code the site looks up. */
export function reminderSms(r: { startsAt: Date; siteName: string; code: string }): string {
  const head = `PhongDich: Nhac lich tiem vac xin ngay mai ${vnTime(r.startsAt)} tai `;
  const tail = `. Mang CCCD/the BHYT. Ma hen ${r.code}`;
  const site = ascii(r.siteName)
    .slice(0, Math.max(0, SMS_MAX - head.length - tail.length))
    .trim();
  return head + site + tail;
}
