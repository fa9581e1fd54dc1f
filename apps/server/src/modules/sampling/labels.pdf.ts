// A4 sheets of tube labels: 3 × 10 labels a page (70 × 29.7 mm, the common adhesive label sheet),
// each with the Code 128 barcode and the human-readable code below it.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js/node';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
const PAGE = { w: 595.28, h: 841.89 };
const COLS = 3;
const ROWS = 10;
const LABEL_W = PAGE.w / COLS;
const LABEL_H = PAGE.h / ROWS;
export const LABELS_PER_PAGE = COLS * ROWS;

export async function labelSheetPdf(barcodes: string[], caption: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: caption, Producer: 'Phòng Dịch' } });
  doc.registerFont('regular', FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [i, code] of barcodes.entries()) {
    const slot = i % LABELS_PER_PAGE;
    if (i > 0 && slot === 0) doc.addPage();
    const x = (slot % COLS) * LABEL_W;
    const y = Math.floor(slot / COLS) * LABEL_H;
    const png = await bwipjs.toBuffer({
      bcid: 'code128',
      text: code,
      scale: 2,
      height: 9,
      includetext: false,
    });
    doc.image(png, x + 14, y + 8, { width: LABEL_W - 28, height: LABEL_H - 34 });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('black')
      .text(code, x, y + LABEL_H - 24, { width: LABEL_W, align: 'center', characterSpacing: 1 });
    doc
      .fontSize(5.5)
      .fillColor('#555')
      .text(caption, x, y + LABEL_H - 12, { width: LABEL_W, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
