import type { DocumentColumn } from '@tradecounter/domain';
import { BOLD, FONT, HEADER_FILL, INK, MUTED, rule, type PdfBox } from './pdf-style';
import { winAnsiText } from './win-ansi-text';

const PAD_X = 4;
const PAD_Y = 4;
const BODY_SIZE = 9;
const HEAD_SIZE = 8;
/** A cell never grows past this (its text is cut with an ellipsis): a row always fits on a page. */
const MAX_CELL_HEIGHT = 120;

interface PlacedColumn extends DocumentColumn {
  x: number;
  w: number;
}

/**
 * The lines table: columns sized by their weights, cells wrapped, money
 * right-aligned. A row that does not fit moves to a new page, whose header
 * is repeated; rows are never split. Returns the y below the last row.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  box: PdfBox,
  columns: DocumentColumn[],
  rows: string[][],
  top: number,
): number {
  const placed = placeColumns(box, columns);
  let y = header(doc, box, placed, top);
  for (const row of rows) {
    const height = rowHeight(doc, placed, row);
    if (y + height > box.bottom) {
      doc.addPage();
      y = header(doc, box, placed, doc.y);
    }
    doc.font(FONT).fontSize(BODY_SIZE).fillColor(INK);
    placed.forEach((column, index) => {
      doc.text(winAnsiText(row[index] ?? ''), column.x + PAD_X, y + PAD_Y, {
        width: column.w - 2 * PAD_X,
        height: MAX_CELL_HEIGHT,
        ellipsis: true,
        align: column.align,
      });
    });
    y += height;
    rule(doc, box, y);
  }
  return y;
}

function placeColumns(box: PdfBox, columns: DocumentColumn[]): PlacedColumn[] {
  const weight = columns.reduce((sum, column) => sum + column.width, 0) || 1;
  let x = box.left;
  return columns.map((column) => {
    const w = (box.width * column.width) / weight;
    const placed = { ...column, x, w };
    x += w;
    return placed;
  });
}

function header(doc: PDFKit.PDFDocument, box: PdfBox, columns: PlacedColumn[], top: number): number {
  doc.font(BOLD).fontSize(HEAD_SIZE);
  const height =
    Math.max(
      ...columns.map((c) => doc.heightOfString(winAnsiText(c.heading), { width: c.w - 2 * PAD_X })),
      0,
    ) +
    2 * PAD_Y;
  doc.rect(box.left, top, box.width, height).fillColor(HEADER_FILL).fill();
  doc.fillColor(MUTED);
  for (const column of columns) {
    doc.text(winAnsiText(column.heading), column.x + PAD_X, top + PAD_Y, {
      width: column.w - 2 * PAD_X,
      align: column.align,
    });
  }
  return top + height;
}

function rowHeight(doc: PDFKit.PDFDocument, columns: PlacedColumn[], row: string[]): number {
  doc.font(FONT).fontSize(BODY_SIZE);
  const tallest = Math.max(
    ...columns.map((column, index) =>
      doc.heightOfString(winAnsiText(row[index] ?? ''), { width: column.w - 2 * PAD_X }),
    ),
    0,
  );
  return Math.min(tallest, MAX_CELL_HEIGHT) + 2 * PAD_Y;
}
