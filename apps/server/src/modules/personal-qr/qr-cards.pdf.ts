// A4 sheets of printed personal QR cards: 8 cards a page (2 × 4), dashed cut lines, Vietnamese text.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const FONT = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Regular.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../../assets/fonts/NotoSans-Bold.ttf', import.meta.url));

export interface CardContent {
  token: string;
  fullName: string;
  birthYear: number;
  communeName: string | null;
}

const PAGE = { w: 595.28, h: 841.89 };
const MARGIN = 24;
const COLS = 2;
const ROWS = 4;
const CARD_W = (PAGE.w - 2 * MARGIN) / COLS;
const CARD_H = (PAGE.h - 2 * MARGIN) / ROWS;

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8); // 4-module quiet zone on each side
  doc.save().fillColor('black');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
  doc.fill().restore();
}

function drawCutLines(doc: PDFKit.PDFDocument): void {
  doc.save().lineWidth(0.5).strokeColor('#888').dash(4, { space: 4 });
  for (let c = 0; c <= COLS; c++)
    doc.moveTo(MARGIN + c * CARD_W, MARGIN / 2).lineTo(MARGIN + c * CARD_W, PAGE.h - MARGIN / 2);
  for (let r = 0; r <= ROWS; r++)
    doc.moveTo(MARGIN / 2, MARGIN + r * CARD_H).lineTo(PAGE.w - MARGIN / 2, MARGIN + r * CARD_H);
  doc.stroke().undash().restore();
}

function drawCard(doc: PDFKit.PDFDocument, card: CardContent, x: number, y: number): void {
  const pad = 10;
  const qrSize = CARD_H - 2 * pad;
  drawQr(doc, card.token, x + pad - 6, y + pad, qrSize);
  const tx = x + qrSize + pad;
  const tw = CARD_W - qrSize - 2 * pad + 4;
  doc
    .font('bold')
    .fontSize(8)
    .fillColor('#b00')
    .text('PHÒNG DỊCH · MÃ QR CÁ NHÂN', tx, y + pad + 4, {
      width: tw,
    });
  doc
    .font('bold')
    .fontSize(11)
    .fillColor('black')
    .text(card.fullName, tx, doc.y + 6, { width: tw });
  doc
    .font('regular')
    .fontSize(8.5)
    .text(`Năm sinh: ${card.birthYear}`, tx, doc.y + 2, { width: tw });
  if (card.communeName) doc.text(card.communeName, tx, doc.y + 1, { width: tw });
  doc
    .fontSize(7)
    .fillColor('#333')
    .text(
      'Xuất trình thẻ này khi vào điểm kiểm soát hoặc đi xét nghiệm, tiêm chủng. ' +
        'Giữ thẻ cẩn thận; mất thẻ hãy báo trạm y tế xã để in lại.',
      tx,
      doc.y + 6,
      { width: tw },
    );
}

/** Renders the cards; resolves with the PDF bytes. */
export async function renderCardsPdf(cards: CardContent[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'Thẻ mã QR cá nhân' } });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const perPage = COLS * ROWS;
  if (cards.length === 0) doc.font('regular').fontSize(12).text('Không có thẻ nào.', MARGIN, MARGIN);
  cards.forEach((card, i) => {
    if (i > 0 && i % perPage === 0) doc.addPage();
    if (i % perPage === 0) drawCutLines(doc);
    const slot = i % perPage;
    drawCard(doc, card, MARGIN + (slot % COLS) * CARD_W, MARGIN + Math.floor(slot / COLS) * CARD_H);
  });
  doc.end();
  return done;
}
