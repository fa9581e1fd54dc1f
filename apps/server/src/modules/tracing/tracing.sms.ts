/**
 * The notice a confirmed contact receives. It names no case, no place and no other person: only the
 * day of exposure and what to do (an F1 must never learn who the case is, issue #13 §5).
 */
export function contactNotice(
  exposureDate: string,
  generation: number,
  followUpUntil: string,
): { subject: string; body: string } {
  const d = (day: string) => day.split('-').reverse().join('/');
  const who = generation === 1 ? 'tiếp xúc gần (F1)' : `tiếp xúc (F${generation})`;
  return {
    subject: 'tracing.contact',
    body:
      `Phòng Dịch: Bạn được xác định là ${who} với người mắc COVID-19, lần tiếp xúc gần nhất ngày ${d(exposureDate)}. ` +
      `Vui lòng ở nhà, đeo khẩu trang, tự theo dõi sức khỏe đến hết ngày ${d(followUpUntil)} và chờ trạm y tế xã liên hệ. ` +
      `Có sốt, ho, khó thở: gọi 115.`,
  };
}

/** The notice that an earlier contact notice is lifted (the case was annulled). Names nobody. */
export function withdrawalNotice(exposureDate: string): { subject: string; body: string } {
  const d = exposureDate.split('-').reverse().join('/');
  return {
    subject: 'tracing.contact_withdrawn',
    body:
      `Phòng Dịch: Thông báo tiếp xúc gần ngày ${d} đã được huỷ do kết quả xét nghiệm được đính chính. ` +
      `Bạn không còn phải theo dõi vì lần tiếp xúc này.`,
  };
}
