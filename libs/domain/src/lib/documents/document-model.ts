import { formatDisplayDate, formatMoneyForDisplay } from '../display';

/*
 * What every business document says, before it is drawn: a title and a
 * number, a few labelled facts (dates, PO), the parties (who it is for,
 * where it goes), a table of lines, totals, and closing sections (terms,
 * notes). Builders turn plain data (an order, a quote, later a return or a
 * credit note) into this description; one layout draws any of them, so each
 * new document is a builder of a screen's length and nothing else.
 *
 * Every cell is already text in the display style (money "$5,308.90",
 * dates "6 Dec 2026"): the layout never formats, it only places.
 */

export type DocumentAlign = 'left' | 'right';

export interface DocumentColumn {
  heading: string;
  align: DocumentAlign;
  /** Its share of the table's width, relative to the other columns' (e.g. 1, 3). */
  width: number;
}

export interface DocumentFact {
  label: string;
  value: string;
}

/** A block of lines under a heading: the customer, the delivery address. */
export interface DocumentParty {
  heading: string;
  lines: string[];
}

export interface DocumentTotal {
  label: string;
  value: string;
  /** The amount the document is about (drawn bold, ruled above). */
  grand: boolean;
}

/** A titled paragraph after the totals: terms, notes, the basis of the prices. */
export interface DocumentSection {
  heading: string;
  text: string;
}

export interface DocumentModel {
  /** "Order confirmation", "Quotation". */
  title: string;
  /** The object's number, as people quote it: "SO-000123", "Q-000001". */
  number: string;
  /** The file the document downloads as: the number and ".pdf". */
  filename: string;
  facts: DocumentFact[];
  parties: DocumentParty[];
  columns: DocumentColumn[];
  /** One cell per column, in column order. */
  rows: string[][];
  totals: DocumentTotal[];
  sections: DocumentSection[];
}

/** "SO-000123" → "SO-000123.pdf"; anything but letters, digits, "-" and "_" becomes "_". */
export function documentFilename(number: string): string {
  const safe = number.trim().replace(/[^A-Za-z0-9_-]/g, '_');
  return `${safe.length > 0 ? safe : 'document'}.pdf`;
}

/** "net_30" → "Net 30", "partially_shipped" → "Partially shipped". */
export function documentLabel(value: string): string {
  const text = value.replace(/_/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The helpers a builder formats its cells with, bound to the deployment's currency and time zone. */
export interface DocumentFormat {
  money(amount: string): string;
  date(isoDate: string): string;
  /** An instant as its calendar day in the deployment's time zone: "6 Dec 2026". */
  day(instant: string): string;
}

export function documentFormat(currency: string, timeZone: string): DocumentFormat {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone });
  return {
    money: (amount) => formatMoneyForDisplay(amount, currency),
    date: (isoDate) => formatDisplayDate(isoDate),
    day: (instant) => {
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : formatDisplayDate(dayOf.format(date));
    },
  };
}

/** An address as the lines of a party block, empty parts left out. */
export function addressLines(address: {
  label?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postcode: string;
  country: string;
}): string[] {
  const place = [address.city, address.region, address.postcode].filter((part) => !!part).join(' ');
  return [address.label, address.line1, address.line2, place, address.country].filter(
    (line): line is string => !!line && line.trim().length > 0,
  );
}
