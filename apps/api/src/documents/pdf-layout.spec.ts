import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import type { DocumentModel } from '@tradecounter/domain';
import { pdfPageCount, pdfTexts } from '../test-support/pdf-text';
import { renderPdf } from './pdf-layout';

function model(rowCount: number): DocumentModel {
  return {
    title: 'Order confirmation',
    number: 'SO-000042',
    filename: 'SO-000042.pdf',
    facts: [
      { label: 'Order date', value: '6 Dec 2026' },
      { label: 'PO number', value: 'PO-77' },
    ],
    parties: [
      { heading: 'Customer', lines: ['Acme Building Supply', 'Account ACME'] },
      { heading: 'Deliver to', lines: ['Main yard', '1 Yard Road', 'Springfield IL 62701', 'US'] },
    ],
    columns: [
      { heading: '#', align: 'right', width: 0.5 },
      { heading: 'SKU', align: 'left', width: 1.6 },
      { heading: 'Description', align: 'left', width: 3.2 },
      { heading: 'Line total', align: 'right', width: 1.5 },
    ],
    rows: Array.from({ length: rowCount }, (_, i) => [
      String(i + 1),
      `SKU-${i + 1}`,
      i === 3
        ? 'A long description that wraps onto a second line inside its cell, as product names do'
        : `Item ${i + 1}`,
      '$1,234.50',
    ]),
    totals: [{ label: 'Order total', value: '$9,876.00', grand: true }],
    sections: [{ heading: 'Terms', text: 'Payment terms: Net 30 → due in thirty days.' }],
  };
}

const letterhead = {
  name: 'Tradecounter Supply Co.',
  address: ['1 Trade Way', 'Springfield IL 62701'],
  email: 'orders@tradecounter.test',
  phone: '+1 217 555 0100',
  registration: 'EIN 12-3456789',
  logo: null,
};

/** Name and one address line, as before the company settings: the page breaks below are counted for it. */
const plainLetterhead = {
  ...letterhead,
  address: ['1 Trade Way, Springfield'],
  email: null,
  phone: null,
  registration: null,
};

describe('the document layout', () => {
  it('draws letterhead, title, number, parties, facts, lines, totals, terms and the page number', async () => {
    const pdf = await renderPdf(model(3), letterhead);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfPageCount(pdf)).toBe(1);
    const texts = pdfTexts(pdf);
    for (const expected of [
      'Tradecounter Supply Co.',
      'Order confirmation',
      'SO-000042',
      'Acme Building Supply',
      'PO-77',
      'SKU-2',
      '$1,234.50',
      '$9,876.00',
      'Page 1 of 1',
    ]) {
      expect(texts).toContain(expected);
    }
    // the arrow is not in the standard fonts: drawn as "->", not as a wrong glyph
    expect(texts.join(' ')).toContain('Net 30 -> due');
  });

  it('runs a long table onto further pages, repeating its header and numbering every page', async () => {
    const pdf = await renderPdf(model(60), { ...plainLetterhead });
    if (process.env['PDF_OUT']) writeFileSync(process.env['PDF_OUT'], pdf);
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const texts = pdfTexts(pdf);
    expect(texts.filter((t) => t === 'Line total')).toHaveLength(pages);
    expect(texts.filter((t) => t.endsWith('(continued)'))).toHaveLength(pages - 1);
    expect(texts).toContain(`Page ${pages} of ${pages}`);
    // every row drawn once
    for (let i = 1; i <= 60; i += 1) expect(texts.filter((t) => t === `SKU-${i}`)).toHaveLength(1);
  });

  it('draws the letterhead: address lines, contact, registration, and the logo as an image when there is one', async () => {
    const plain = await renderPdf(model(1), letterhead);
    const texts = pdfTexts(plain);
    for (const expected of ['1 Trade Way', 'Springfield IL 62701', 'EIN 12-3456789']) {
      expect(texts).toContain(expected);
    }
    expect(texts.join(' ')).toContain('orders@tradecounter.test');
    expect(plain.toString('latin1')).not.toContain('/Subtype /Image');
    const logo = await sharp({ create: { width: 300, height: 80, channels: 3, background: '#1f4e79' } })
      .png()
      .toBuffer();
    const withLogo = await renderPdf(model(1), { ...letterhead, logo });
    expect(withLogo.toString('latin1')).toContain('/Subtype /Image');
    expect(pdfTexts(withLogo)).toContain('Tradecounter Supply Co.');
  });

  it('leaves out a logo it cannot draw instead of failing the document', async () => {
    const pdf = await renderPdf(model(1), { ...letterhead, logo: Buffer.from('not an image') });
    expect(pdfTexts(pdf)).toContain('Tradecounter Supply Co.');
  });
});
