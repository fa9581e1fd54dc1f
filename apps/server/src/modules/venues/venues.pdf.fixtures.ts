/** Test helpers that read a PDF made by pdfkit without a PDF library: page count and document title. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\s/g) ?? []).length;
}

/** The /Info Title: pdfkit writes it as a literal string, UTF-16BE with a BOM when not ASCII. */
export function pdfTitle(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text);
  if (!ref) return null;
  const start = text.indexOf(`\n${ref[1]} 0 obj\n(`);
  if (start < 0) return null;
  const from = text.indexOf('(', start) + 1;
  const bytes: number[] = [];
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x29) break; // ')' ends the string (escaped ones are handled below)
    if (ch !== 0x5c) {
      bytes.push(ch);
      continue;
    }
    const next = text[++i]!;
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    if (next in escapes) bytes.push(escapes[next]!);
    else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))![0];
      bytes.push(parseInt(oct, 8));
      i += oct.length - 1;
    } else bytes.push(next.charCodeAt(0));
  }
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xfe && buf[1] === 0xff) return buf.subarray(2).swap16().toString('utf16le');
  return buf.toString('latin1');
}
