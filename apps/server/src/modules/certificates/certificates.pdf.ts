// The printable result certificate: the HC1 QR (alphanumeric mode, ECC Q) with the facts in Vietnamese and English.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Bold.ttf', import.meta.url));

export interface CertificatePdfContent {
  hc1: string;
  uvci: string;
  fullName: string;
  birth: string;
  result: 'positive' | 'negative';
  testType: 'rt_pcr' | 'rapid_antigen';
  collectedAt: Date;
  labName: string;
  expiresAt: Date;
}

const RESULT = { negative: 'Âm tính / Negative', positive: 'Dương tính / Positive' };
const TEST = { rt_pcr: 'RT-PCR (NAAT)', rapid_antigen: 'Test nhanh kháng nguyên / Rapid antigen test' };

export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  // Base45 text fits the QR alphanumeric mode; ECC Q as the DCC guidelines recommend.
  const qr = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
  doc.fill().restore();
}

const fmt = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

export function certificatePdf(c: CertificatePdfContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: 'Giấy chứng nhận kết quả xét nghiệm' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM · BỘ Y TẾ', { align: 'center' });
  doc.moveDown(0.8).fontSize(18).text('GIẤY CHỨNG NHẬN KẾT QUẢ XÉT NGHIỆM COVID-19', { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#444')
    .text('COVID-19 test certificate (EU DCC format)', { align: 'center' });
  drawQr(doc, c.hc1, 150, doc.y + 10, 295);
  doc.y += 320;
  const line = (vi: string, en: string, value: string) => {
    doc.font('bold').fontSize(11).fillColor('black').text(`${vi} / ${en}: `, 60, doc.y, { continued: true });
    doc.font('regular').text(value);
    doc.moveDown(0.3);
  };
  line('Họ và tên', 'Name', c.fullName);
  line('Ngày sinh', 'Date of birth', c.birth);
  line('Loại xét nghiệm', 'Test type', TEST[c.testType]);
  line('Kết quả', 'Result', RESULT[c.result]);
  line('Thời gian lấy mẫu', 'Sample collected', fmt(c.collectedAt));
  line('Phòng xét nghiệm', 'Testing centre', c.labName);
  line('Mã chứng nhận', 'Certificate identifier (UVCI)', c.uvci);
  line('Chữ ký số hết hạn', 'Signature valid until', fmt(c.expiresAt));
  doc
    .moveDown(1)
    .font('regular')
    .fontSize(9)
    .fillColor('#555')
    .text(
      'Quét mã QR để kiểm tra chữ ký số, không cần mạng. / Scan the QR code to verify the digital signature offline.',
      60,
    );
  doc.end();
  return done;
}
