// The release note of a case from home isolation (vi/en), with the same fonts as the certificates.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Bold.ttf', import.meta.url));

export interface ReleaseNoteContent {
  noteNumber: string;
  fullName: string;
  birthYear: number;
  communeName: string;
  confirmedOn: string;
  releasedAt: Date;
  negativeSampleDate: string;
  ruleVersion: string;
}

const day = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const vnDay = (iso: string) => iso.split('-').reverse().join('/');

export function releaseNotePdf(c: ReleaseNoteContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Giấy xác nhận hoàn thành cách ly' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('regular').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc
    .moveDown(1.2)
    .font('bold')
    .fontSize(16)
    .text('GIẤY XÁC NHẬN HOÀN THÀNH CÁCH LY Y TẾ TẠI NHÀ', { align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#444')
    .text('Certificate of completed home isolation (COVID-19)', { align: 'center' });
  doc.moveDown(1.5);
  const line = (vi: string, en: string, value: string) => {
    doc.font('bold').fontSize(11).fillColor('black').text(`${vi} / ${en}: `, { continued: true });
    doc.font('regular').text(value);
    doc.moveDown(0.3);
  };
  line('Số', 'Number', c.noteNumber);
  line('Họ và tên', 'Name', c.fullName);
  line('Năm sinh', 'Year of birth', String(c.birthYear));
  line('Nơi cư trú', 'Residence', c.communeName);
  line('Ngày xác định mắc', 'Confirmed on', vnDay(c.confirmedOn));
  line('Xét nghiệm âm tính ngày', 'Negative test on', vnDay(c.negativeSampleDate));
  line('Ngày hoàn thành cách ly', 'Released on', day(c.releasedAt));
  line('Theo quy định', 'Under rule', c.ruleVersion);
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#444')
    .text(
      'Người bệnh đã hoàn thành thời gian cách ly, điều trị tại nhà theo hướng dẫn của Bộ Y tế. ' +
        'The person has completed home isolation and care as the Ministry of Health guides.',
    );
  doc.end();
  return done;
}
