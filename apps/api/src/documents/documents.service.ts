import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SalesQuote } from '@tradecounter/contracts';
import {
  creditNoteDocument,
  documentFormat,
  orderConfirmationDocument,
  returnDocument,
  packingSlipDocument,
  purchaseOrderDocument,
  quoteDocument,
  type DocumentModel,
} from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ShippingService } from '../fulfilment/shipping.service';
import { OrdersService } from '../orders/orders.service';
import { PurchaseOrdersService } from '../purchasing/purchase-orders.service';
import { QuotesService } from '../quotes/quotes.service';
import { CreditNotesService } from '../returns/credit-notes.service';
import { ReturnSettingsService } from '../returns/return-settings.service';
import { ReturnsService } from '../returns/returns.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { DocumentCache } from './document-cache';
import type { PdfFile } from './pdf-file';
import { renderPdf } from './pdf-layout';

/**
 * The PDF documents. Each is read through its own context's service with
 * the caller's scope (so whoever may not read the object gets the same 404
 * as from its JSON route), turned into a document model by its builder in
 * libs/domain, and drawn by the one layout with the company letterhead.
 *
 * Rendered PDFs are cached by what they say: the key is a hash of the
 * document model (every cell, already formatted) and the letterhead's
 * version. Building the model is cheap and pure; drawing it is what costs.
 * Any change a reader could see (a line, a status, a promised date, the
 * account's terms, the company name or logo) changes the key, so a cached
 * PDF is never stale, and the same key is the ETag a client revalidates with.
 */
@Injectable()
export class DocumentsService {
  private readonly cache: DocumentCache;

  constructor(
    private readonly orders: OrdersService,
    private readonly accounts: AccountsService,
    private readonly quotes: QuotesService,
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly shipping: ShippingService,
    private readonly company: CompanySettingsService,
    private readonly returns: ReturnsService,
    private readonly creditNotes: CreditNotesService,
    private readonly returnSettings: ReturnSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new DocumentCache(config.documentCacheBytes);
  }

  async orderConfirmation(actor: AuthUser, orderId: string): Promise<PdfFile> {
    const order = await this.orders.get(actor, orderId);
    const account = await this.accounts.get(actor, order.accountId);
    const format = documentFormat(order.currency, this.config.timeZone);
    return this.render(
      'order',
      orderConfirmationDocument(order, { paymentTerms: account.paymentTerms }, format),
    );
  }

  /**
   * The packing slip of one shipment, for whoever may read its order
   * (the account's people, the warehouse, staff); a shipment of an order
   * the caller may not read is a 404, as an unknown one.
   */
  async packingSlip(actor: AuthUser, shipmentId: string): Promise<PdfFile> {
    const orderId = await this.shipping.orderOfShipment(shipmentId);
    if (!orderId) throw notFound('Shipment');
    const order = await this.orders.get(actor, orderId);
    const { defaultWindowDays } = await this.returnSettings.get();
    const format = documentFormat(order.currency, this.config.timeZone);
    return this.render(
      'packing-slip',
      packingSlipDocument(order, shipmentId, { returnWindowDays: defaultWindowDays }, format),
    );
  }

  /** The quote as the buyer keeps it: the latest revision, or an earlier one by number. */
  async quote(actor: AuthUser, quoteId: string, revision?: number): Promise<PdfFile> {
    const quote = await this.quotes.get(actor, quoteId, revision);
    const account = await this.accounts.get(actor, quote.accountId);
    const shown = shownRevision(quote);
    const format = documentFormat(quote.currency, this.config.timeZone);
    return this.render(
      'quote',
      quoteDocument(
        { ...quote, validUntil: shown?.validUntil ?? null, subtotal: shown?.subtotal ?? null },
        {
          quotedAt: shown?.quotedAt ?? null,
          quotedBy: shown?.quotedBy?.name ?? null,
          accountCode: account.code,
          paymentTerms: account.paymentTerms,
        },
        format,
      ),
    );
  }

  /** The purchase order as the supplier receives it (staff who read purchasing only: the route's roles). */
  async purchaseOrder(purchaseOrderId: string): Promise<PdfFile> {
    const order = await this.purchaseOrders.get(purchaseOrderId);
    return this.render(
      'purchase-order',
      purchaseOrderDocument(order, documentFormat(this.config.currency, this.config.timeZone)),
    );
  }

  /**
   * The return authorisation (RMA) the buyer puts in the parcel, for
   * whoever may read the return; it says to send the goods to the company's
   * address from the letterhead settings.
   */
  async returnAuthorisation(actor: AuthUser, returnId: string): Promise<PdfFile> {
    const ret = await this.returns.get(actor, returnId);
    const { name, address } = await this.company.letterhead();
    const format = documentFormat(ret.currency, this.config.timeZone);
    return this.render('return', returnDocument(ret, { name, address }, format));
  }

  /** A credit note, for whoever may read its account. */
  async creditNote(actor: AuthUser, creditNoteId: string): Promise<PdfFile> {
    const note = await this.creditNotes.get(actor, creditNoteId);
    const format = documentFormat(note.currency, this.config.timeZone);
    return this.render('credit-note', creditNoteDocument(note, format));
  }

  /**
   * The credit note a return notification announces, by the number in its
   * title ("Credit note CN-000012 issued"): a return may have several, one per receipt.
   */
  async creditNoteOfReturn(actor: AuthUser, returnId: string, number: string): Promise<PdfFile | null> {
    const ret = await this.returns.get(actor, returnId);
    const note = ret.creditNotes.find((each) => each.number === number);
    return note ? this.creditNote(actor, note.id) : null;
  }

  /** Draws a model (or takes it from the cache) under the current letterhead. */
  async render(kind: string, model: DocumentModel): Promise<PdfFile> {
    const letterhead = await this.company.letterhead();
    const etag = `"${createHash('sha256')
      .update(`${kind}\n${letterhead.version}\n${JSON.stringify(model)}`)
      .digest('base64url')
      .slice(0, 32)}"`;
    const cached = this.cache.get(etag);
    if (cached) return { filename: model.filename, bytes: cached, etag };
    const bytes = await renderPdf(model, letterhead);
    this.cache.set(etag, bytes);
    return { filename: model.filename, bytes, etag };
  }
}

/** The revision the quote shows: its validity and subtotal are that revision's, not the latest's. */
function shownRevision(quote: SalesQuote) {
  return quote.revisions.find((ref) => ref.revision === quote.shownRevision);
}
