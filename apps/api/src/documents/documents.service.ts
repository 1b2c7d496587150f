import { Inject, Injectable } from '@nestjs/common';
import type { SalesQuote } from '@tradecounter/contracts';
import {
  documentFormat,
  orderConfirmationDocument,
  purchaseOrderDocument,
  quoteDocument,
  type DocumentModel,
} from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OrdersService } from '../orders/orders.service';
import { PurchaseOrdersService } from '../purchasing/purchase-orders.service';
import { QuotesService } from '../quotes/quotes.service';
import type { PdfFile } from './pdf-file';
import { renderPdf } from './pdf-layout';

/**
 * The PDF documents. Each is read through its own context's service with
 * the caller's scope (so whoever may not read the object gets the same 404
 * as from its JSON route), turned into a document model by its builder in
 * libs/domain, and drawn by the one layout.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly orders: OrdersService,
    private readonly accounts: AccountsService,
    private readonly quotes: QuotesService,
    private readonly purchaseOrders: PurchaseOrdersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async orderConfirmation(actor: AuthUser, orderId: string): Promise<PdfFile> {
    const order = await this.orders.get(actor, orderId);
    const account = await this.accounts.get(actor, order.accountId);
    const format = documentFormat(order.currency, this.config.timeZone);
    return this.render(orderConfirmationDocument(order, { paymentTerms: account.paymentTerms }, format));
  }

  /** The quote as the buyer keeps it: the latest revision, or an earlier one by number. */
  async quote(actor: AuthUser, quoteId: string, revision?: number): Promise<PdfFile> {
    const quote = await this.quotes.get(actor, quoteId, revision);
    const account = await this.accounts.get(actor, quote.accountId);
    const shown = shownRevision(quote);
    const format = documentFormat(quote.currency, this.config.timeZone);
    return this.render(
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
      purchaseOrderDocument(order, documentFormat(this.config.currency, this.config.timeZone)),
    );
  }

  private async render(model: DocumentModel): Promise<PdfFile> {
    return { filename: model.filename, bytes: await renderPdf(model, this.config.seller) };
  }
}

/** The revision the quote shows: its validity and subtotal are that revision's, not the latest's. */
function shownRevision(quote: SalesQuote) {
  return quote.revisions.find((ref) => ref.revision === quote.shownRevision);
}
