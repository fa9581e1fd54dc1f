import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { invitationSms, reminderSms, SMS_MAX } from './vaccination.sms';

// The longest name a site may have (SiteBody: 200 characters), full of diacritics.
const longest = 'Trạm Y tế phường Điện Biên Phủ, quận Đống Đa — điểm tiêm lưu động số ' + 'ữ'.repeat(200);
const site = longest.slice(0, 200);
const gsm = /^[\x20-\x7e]+$/;

describe('vaccination SMS texts', () => {
  it('an invitation on the longest site name stays within one SMS, without diacritics, with the link', () => {
    const text = invitationSms({ siteName: site, bookingUrl: 'https://phongdich.gov.vn/vaccination/mine' });
    assert.ok(text.length <= SMS_MAX, `${text.length}: ${text}`);
    assert.match(text, gsm);
    assert.match(text, /^PhongDich: Moi ban di tiem vac xin tai Tram Y te phuong Dien Bien Phu/);
    assert.match(text, / Dat lich: https:\/\/phongdich\.gov\.vn\/vaccination\/mine Mang CCCD\/the BHYT$/);
  });

  it('a link too long for the message gives way to the app name, still within 160', () => {
    const text = invitationSms({
      siteName: site,
      bookingUrl: `https://${'x'.repeat(150)}.vn/vaccination/mine`,
    });
    assert.ok(text.length <= SMS_MAX);
    assert.match(text, /Dat lich tren PhongDich\. Mang CCCD\/the BHYT$/);
  });

  it('a reminder on the longest site name keeps the time and the booking code', () => {
    const text = reminderSms({ startsAt: new Date('2026-12-02T02:00:00Z'), siteName: site, code: 'AB12CD' });
    assert.ok(text.length <= SMS_MAX, `${text.length}`);
    assert.match(text, gsm);
    assert.match(text, /ngay mai 09:00 02\/12\/2026 tai Tram Y te/);
    assert.match(text, /Ma hen AB12CD$/);
  });
});
