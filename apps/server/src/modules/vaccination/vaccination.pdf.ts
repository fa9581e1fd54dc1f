// The printable vaccination certificate: the HC1 QR with the ministry's fields in Vietnamese and English.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { drawQr } from './vaccination.deps';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Bold.ttf', import.meta.url));

export interface VaccinationPdfContent {
  hc1: string;
  uvci: string;
  fullName: string;
  birth: string;
  productName: string;
  doseNumber: number;
  seriesDoses: number;
  vaccinatedOn: string;
  issuedAt: Date;
  expiresAt: Date;
}

const day = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

export function vaccinationPdf(c: VaccinationPdfContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: 'Chứng nhận tiêm chủng COVID-19' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM · BỘ Y TẾ', { align: 'center' });
  doc.moveDown(0.8).fontSize(18).text('CHỨNG NHẬN TIÊM CHỦNG COVID-19', { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#444')
    .text('COVID-19 vaccination certificate (EU DCC format)', { align: 'center' });
  drawQr(doc, c.hc1, 150, doc.y + 10, 295);
  doc.y += 320;
  const line = (vi: string, en: string, value: string) => {
    doc.font('bold').fontSize(11).fillColor('black').text(`${vi} / ${en}: `, 60, doc.y, { continued: true });
    doc.font('regular').text(value);
    doc.moveDown(0.3);
  };
  line('Họ và tên', 'Name', c.fullName);
  line('Ngày sinh', 'Date of birth', c.birth);
  line('Bệnh được phòng', 'Disease targeted', 'COVID-19');
  line('Vắc xin', 'Vaccine', c.productName);
  line('Mũi tiêm', 'Dose', `${c.doseNumber}/${c.seriesDoses}`);
  line('Ngày tiêm', 'Date of vaccination', c.vaccinatedOn.split('-').reverse().join('/'));
  line('Quốc gia', 'Country', 'Việt Nam / Viet Nam');
  line('Đơn vị cấp', 'Issuer', 'Bộ Y tế Việt Nam / Ministry of Health of Viet Nam');
  line('Mã chứng nhận', 'Certificate identifier (UVCI)', c.uvci);
  line('Ngày cấp', 'Issued', day(c.issuedAt));
  line('Có giá trị đến', 'Valid until', day(c.expiresAt));
  doc.end();
  return done;
}
