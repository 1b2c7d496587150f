/** The fonts, colours and the ruled line every document is drawn with. */

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const INK = '#1a1a1a';
export const MUTED = '#5f6368';
export const RULE = '#c8ccd0';
export const HEADER_FILL = '#eef0f2';

/** The writable area of a page: from `top` to `bottom` (the footer is below it). */
export interface PdfBox {
  left: number;
  top: number;
  width: number;
  bottom: number;
}

export function rule(doc: PDFKit.PDFDocument, box: Pick<PdfBox, 'left' | 'width'>, y: number): void {
  doc
    .moveTo(box.left, y)
    .lineTo(box.left + box.width, y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
}
