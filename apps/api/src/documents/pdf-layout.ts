import PDFDocument from 'pdfkit';
import type { DocumentModel, DocumentTotal } from '@tradecounter/domain';
import { BOLD, FONT, INK, MUTED, rule, type PdfBox } from './pdf-style';
import { drawTable } from './pdf-table';
import { winAnsiText } from './win-ansi-text';

/** Who the documents come from: the company settings (name, address lines, contact, logo). */
export interface Letterhead {
  name: string;
  address: string[];
  email: string | null;
  phone: string | null;
  registration: string | null;
  /** A PNG or JPEG, checked drawable when uploaded; drawn top-left. */
  logo: Buffer | null;
}

/** The box a logo is fitted into, keeping its proportions. */
const LOGO_BOX: [number, number] = [150, 48];

const MARGIN = 48;
/** Room kept under the body on every page for the footer (page numbers). */
const FOOTER = 28;

/**
 * Draws any document model as an A4 PDF: the letterhead and the document's
 * title and number, the parties and facts, the lines table (its header
 * repeated on every page a long table runs onto), the totals, the closing
 * sections, and "Page n of N" on every page. Every document type is drawn
 * by this one function; its builder (libs/domain documents) decides what it says.
 */
export function renderPdf(model: DocumentModel, letterhead: Letterhead): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    bufferPages: true,
    info: { Title: winAnsiText(`${model.title} ${model.number}`), Author: winAnsiText(letterhead.name) },
  });
  const bytes = collect(doc);
  const box = contentBox(doc);
  // Any page after the first (a long table, or closing text that runs over) starts with a short header.
  doc.on('pageAdded', () => continuationHeader(doc, box, model, letterhead));
  let y = firstPageHeader(doc, box, model, letterhead);
  y = partiesAndFacts(doc, box, model, y);
  y = drawTable(doc, box, model.columns, model.rows, y + 18);
  y = totals(doc, box, model.totals, y + 10);
  sections(doc, box, model, y + 18);
  pageNumbers(doc, box, model, letterhead);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function contentBox(doc: PDFKit.PDFDocument): PdfBox {
  const { left, right, top, bottom } = doc.page.margins;
  return {
    left,
    top,
    width: doc.page.width - left - right,
    bottom: doc.page.height - bottom,
  };
}

function firstPageHeader(
  doc: PDFKit.PDFDocument,
  box: PdfBox,
  model: DocumentModel,
  head: Letterhead,
): number {
  const half = box.width * 0.55;
  const nameTop = head.logo && drawLogo(doc, head.logo, box) ? box.top + LOGO_BOX[1] + 6 : box.top;
  doc.font(BOLD).fontSize(16).fillColor(INK).text(winAnsiText(head.name), box.left, nameTop, { width: half });
  doc.font(FONT).fontSize(9).fillColor(MUTED);
  for (const line of [...head.address, contactLine(head), head.registration]) {
    if (line) doc.text(winAnsiText(line), box.left, doc.y, { width: half });
  }
  const leftEnd = doc.y;
  const right = box.left + box.width - half;
  doc.font(BOLD).fontSize(15).fillColor(INK).text(winAnsiText(model.title), right, box.top, {
    width: half,
    align: 'right',
  });
  doc
    .font(FONT)
    .fontSize(11)
    .text(winAnsiText(model.number), right, doc.y + 2, { width: half, align: 'right' });
  const y = Math.max(leftEnd, doc.y) + 10;
  rule(doc, box, y);
  return y + 14;
}

/** The logo top-left; an image pdfkit cannot draw leaves the name alone rather than failing the document. */
function drawLogo(doc: PDFKit.PDFDocument, logo: Buffer, box: PdfBox): boolean {
  try {
    doc.image(logo, box.left, box.top, { fit: LOGO_BOX });
    return true;
  } catch {
    return false;
  }
}

function contactLine(head: Letterhead): string | null {
  const parts = [head.phone, head.email].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join('  ·  ') : null;
}

function continuationHeader(doc: PDFKit.PDFDocument, box: PdfBox, model: DocumentModel, head: Letterhead) {
  const half = box.width / 2;
  doc.font(BOLD).fontSize(9).fillColor(INK).text(winAnsiText(head.name), box.left, box.top, { width: half });
  doc
    .font(FONT)
    .fontSize(9)
    .text(winAnsiText(`${model.title} ${model.number} (continued)`), box.left + half, box.top, {
      width: half,
      align: 'right',
    });
  rule(doc, box, box.top + 16);
  doc.x = box.left;
  doc.y = box.top + 26;
}

/** The parties side by side on the left, the facts as label and value on the right. */
function partiesAndFacts(doc: PDFKit.PDFDocument, box: PdfBox, model: DocumentModel, top: number): number {
  const partiesWidth = box.width * 0.58;
  const partyWidth = partiesWidth / Math.max(model.parties.length, 1);
  let bottom = top;
  model.parties.forEach((party, index) => {
    const x = box.left + index * partyWidth;
    doc
      .font(BOLD)
      .fontSize(8)
      .fillColor(MUTED)
      .text(winAnsiText(party.heading.toUpperCase()), x, top, {
        width: partyWidth - 12,
        characterSpacing: 0.4,
      });
    doc.font(FONT).fontSize(10).fillColor(INK);
    doc.moveDown(0.2);
    for (const line of party.lines) doc.text(winAnsiText(line), x, doc.y, { width: partyWidth - 12 });
    bottom = Math.max(bottom, doc.y);
  });
  const factsLeft = box.left + partiesWidth + 12;
  const factsWidth = box.width - partiesWidth - 12;
  let y = top;
  for (const fact of model.facts) {
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(MUTED)
      .text(winAnsiText(fact.label), factsLeft, y, { width: factsWidth * 0.45 });
    const labelEnd = doc.y;
    doc.fillColor(INK).text(winAnsiText(fact.value), factsLeft + factsWidth * 0.45, y, {
      width: factsWidth * 0.55,
      align: 'right',
    });
    y = Math.max(labelEnd, doc.y) + 2;
  }
  return Math.max(bottom, y);
}

function totals(doc: PDFKit.PDFDocument, box: PdfBox, rows: DocumentTotal[], top: number): number {
  const width = box.width * 0.45;
  const left = box.left + box.width - width;
  let y = top;
  if (y + rows.length * 20 + 6 > box.bottom) {
    doc.addPage();
    y = doc.y;
  }
  for (const total of rows) {
    const size = total.grand ? 11 : 9.5;
    if (total.grand) {
      rule(doc, { ...box, left, width }, y);
      y += 5;
    }
    doc
      .font(total.grand ? BOLD : FONT)
      .fontSize(size)
      .fillColor(INK);
    doc.text(winAnsiText(total.label), left, y, { width: width * 0.5 });
    // A long label wraps: the next row starts below whichever of the two ran longer.
    const labelBottom = doc.y;
    doc.text(winAnsiText(total.value), left + width * 0.5, y, { width: width * 0.5, align: 'right' });
    y = Math.max(labelBottom, doc.y) + 4;
  }
  return y;
}

function sections(doc: PDFKit.PDFDocument, box: PdfBox, model: DocumentModel, top: number) {
  let y = top;
  for (const section of model.sections) {
    // A heading never stands alone at the foot of a page.
    if (y + 40 > box.bottom) {
      doc.addPage();
      y = doc.y;
    }
    doc
      .font(BOLD)
      .fontSize(9.5)
      .fillColor(INK)
      .text(winAnsiText(section.heading), box.left, y, { width: box.width });
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(MUTED)
      .text(winAnsiText(section.text), box.left, doc.y + 2, {
        width: box.width,
      });
    y = doc.y + 10;
  }
}

function pageNumbers(doc: PDFKit.PDFDocument, box: PdfBox, model: DocumentModel, head: Letterhead) {
  const range = doc.bufferedPageRange();
  const y = doc.page.height - MARGIN - 10;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    rule(doc, box, y - 6);
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(winAnsiText(`${head.name} · ${model.title} ${model.number}`), box.left, y, {
      width: box.width * 0.7,
      lineBreak: false,
    });
    doc.text(`Page ${index + 1} of ${range.count}`, box.left + box.width * 0.7, y, {
      width: box.width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
