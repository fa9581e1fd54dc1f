export const personCheckinsVi = {
  title: 'Nơi đã đến (truy vết)',
  intro: 'Các lượt quét mã của người này trong {{days}} ngày qua, mới nhất trước.',
  days: 'Số ngày',
  empty: 'Không có lượt quét mã nào.',
  unknownVenue: 'Điểm không còn trong danh sách',
  methods: {
    venue_qr: 'tự quét mã điểm',
    personal_qr: 'điểm quét mã cá nhân',
    printed_qr: 'điểm quét thẻ QR in',
    cccd: 'quét CCCD',
    bhyt: 'quét thẻ BHYT',
    manual: 'nhập tay',
  },
  venueLink: 'Ai đã đến điểm này',
};

export const personCheckinsEn: typeof personCheckinsVi = {
  title: 'Where they have been (tracing)',
  intro: "This person's check-ins over the last {{days}} days, newest first.",
  days: 'Days',
  empty: 'No check-ins.',
  unknownVenue: 'A point no longer listed',
  methods: {
    venue_qr: 'scanned the point',
    personal_qr: 'personal QR scanned',
    printed_qr: 'printed QR card scanned',
    cccd: 'CCCD scanned',
    bhyt: 'BHYT card scanned',
    manual: 'entered by hand',
  },
  venueLink: 'Who was at this point',
};
