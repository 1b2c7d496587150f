import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { QuoteRevisionQueryDto } from '../quotes/dto/quote.dto';
import { DocumentsService } from './documents.service';
import { pdfDownload } from './pdf-file';

const PDF_RESPONSE = {
  description: 'The PDF, as an attachment named after the document number',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** PDF documents, each readable by exactly whoever may read its object. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('orders/:id.pdf')
  @Roles(...ANY_ROLE)
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The order confirmation as a PDF download (SO-….pdf): number, account, delivery address, PO, lines with ' +
      'prices and promised dates, total, payment terms',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiNotFoundResponse({ description: 'No such order, or one the caller may not read' })
  async order(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<StreamableFile> {
    return pdfDownload(await this.documents.orderConfirmation(actor, id));
  }

  @Get('quotes/:id.pdf')
  @Roles(...ANY_ROLE)
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The quote as a PDF download (Q-….pdf): number, account, revision, lines with quantities, quoted prices ' +
      'and estimated delivery, total, validity and terms; the latest revision unless ?revision= names an earlier one',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiNotFoundResponse({ description: 'No such quote or revision, or one the caller may not read' })
  async quote(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Query() query: QuoteRevisionQueryDto,
  ): Promise<StreamableFile> {
    return pdfDownload(await this.documents.quote(actor, id, query.revision));
  }

  @Get('purchase-orders/:id.pdf')
  @Roles('admin', 'warehouse', 'manager')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The purchase order as a PDF download (PO-….pdf): supplier, lines with their SKUs, warehouse, quantity, ' +
      'unit cost and expected date, total',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiNotFoundResponse({ description: 'No such purchase order' })
  async purchaseOrder(@Param('id', IdPipe) id: string): Promise<StreamableFile> {
    return pdfDownload(await this.documents.purchaseOrder(id));
  }
}
