import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** Noto Sans (SIL OFL, assets/fonts/OFL.txt): pdfkit's built-in fonts have no Vietnamese letters. */
const font = (file: string) => fileURLToPath(new URL(`../../../assets/fonts/${file}`, import.meta.url));
const REGULAR = font('NotoSans-Regular.ttf');
const BOLD = font('NotoSans-Bold.ttf');

export interface PosterPage {
  /** What the QR holds: the check-in link with the signed token. */
  content: string;
  name: string;
  kindLabel: string;
  plate: string | null;
  street: string | null;
  areaName: string;
  venueId: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const TEXT_WIDTH = A4.width - 2 * MARGIN;

/** Draws the QR as vector squares: sharp at any print size, and a few KB per page. */
function drawQr(doc: PDFKit.PDFDocument, content: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  // Runs of dark modules as one rectangle, slightly overlapped, so no hairline seams show.
  const overlap = 0.3;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      let end = c;
      while (end + 1 < modules.size && modules.get(r, end + 1)) end++;
      const left = x + (c + quiet) * cell;
      doc.rect(left, y + (r + quiet) * cell, (end - c + 1) * cell + overlap, cell + overlap);
      c = end;
    }
  }
  doc.fill('#000000');
}

function drawPage(doc: PDFKit.PDFDocument, p: PosterPage): void {
  const centred = { width: TEXT_WIDTH, align: 'center' as const };
  doc.rect(0, 0, A4.width, 92).fill('#0b5394');
  doc.fillColor('#ffffff').font('bold').fontSize(22).text('ĐIỂM KIỂM SOÁT RA VÀO', MARGIN, 22, centred);
  doc.font('regular').fontSize(12).text('Khai báo y tế bằng mã QR · QR check-in point', centred);

  doc.fillColor('#000000').font('bold').fontSize(24).text(p.name, MARGIN, 112, centred);
  const kind = p.plate ? `${p.kindLabel} · Biển số ${p.plate}` : p.kindLabel;
  doc.font('regular').fontSize(13).fillColor('#333333').text(kind, centred);

  const qrSize = 330;
  const qrY = Math.max(doc.y + 14, 190);
  drawQr(doc, p.content, (A4.width - qrSize) / 2, qrY, qrSize);

  doc.y = qrY + qrSize + 12;
  doc.fillColor('#0b5394').font('bold').fontSize(18);
  doc.text('Quét mã QR để khai báo y tế / check-in', MARGIN, doc.y, centred);
  doc.fillColor('#000000').font('regular').fontSize(12);
  doc.text(
    'Mở camera điện thoại (hoặc ứng dụng Phòng Dịch), quét mã này mỗi lần ra vào điểm. Người không có ' +
      'điện thoại: xuất trình mã QR cá nhân đã in hoặc căn cước công dân gắn chip để nhân viên quét.',
    centred,
  );
  doc.moveDown(0.4).fillColor('#555555').fontSize(11);
  doc.text('Scan this QR code to check in and make your health declaration when entering.', centred);

  doc.moveDown(1).fillColor('#000000').font('bold').fontSize(12).text('Địa chỉ / Address', centred);
  doc.font('regular').fontSize(12).text([p.street, p.areaName].filter(Boolean).join(', '), centred);

  // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
  doc.page.margins.bottom = 0;
  doc.fillColor('#777777').fontSize(9);
  doc.text(`Mã điểm / Point ID: ${p.venueId}`, MARGIN, A4.height - MARGIN - 12, centred);
}

/** One A4 page per point, in one PDF. */
export async function renderPosters(pages: PosterPage[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: {
      Title: pages.length === 1 ? `Mã QR - ${pages[0]!.name}` : 'Mã QR điểm kiểm soát',
      Creator: 'Phòng Dịch',
    },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const p of pages) {
    doc.addPage();
    drawPage(doc, p);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
