import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { QuoteRevisionQueryDto } from '../quotes/dto/quote.dto';
import { DocumentsService } from './documents.service';
import { sendPdf } from './pdf-file';
import { ApiFileResult } from '../openapi/api-result';

const PDF_DESCRIPTION =
  'The PDF, as an attachment named after the document number, with an ETag of its content';

/**
 * Every document route answers 304 to an If-None-Match naming its current
 * ETag; the ETag changes with anything the document says and with the letterhead.
 */
function Revalidated(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiHeader({ name: 'If-None-Match', required: false, description: 'A previous ETag: 304 when unchanged' })(
      target,
      key,
      descriptor,
    );
    ApiResponse({ status: 304, description: 'Unchanged since the ETag sent' })(target, key, descriptor);
  };
}

/** PDF documents, each readable by exactly whoever may read its object. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('orders/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The order confirmation as a PDF download (SO-….pdf): number, account, delivery address, PO, lines with ' +
      'prices and promised dates, total, payment terms',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such order, or one the caller may not read' })
  async order(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.orderConfirmation(actor, id), ifNoneMatch);
  }

  @Get('packing-slips/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      "A shipment's packing slip as a PDF download (SO-…-shipment-N.pdf): order, PO, ship-to, shipment date, " +
      'carrier and tracking, the units in this shipment and what is still to follow (with promised dates), ' +
      'how to return',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such shipment, or one of an order the caller may not read' })
  async packingSlip(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.packingSlip(actor, id), ifNoneMatch);
  }

  @Get('returns/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The return authorisation as a PDF download (RMA-….pdf) to print and put in the parcel: the RMA number, ' +
      'lines with quantities, reasons and resolutions, and the address to send it to',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such return, or one the caller may not read' })
  async returnAuthorisation(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.returnAuthorisation(actor, id), ifNoneMatch);
  }

  @Get('credit-notes/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The credit note as a PDF download (CN-….pdf): the return and order it credits, lines at the price paid, ' +
      'restocking fees, total credit',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such credit note, or one the caller may not read' })
  async creditNote(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.creditNote(actor, id), ifNoneMatch);
  }

  @Get('quotes/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'The quote as a PDF download (Q-….pdf): number, account, revision, lines with quantities, quoted prices ' +
      'and estimated delivery, total, validity and terms; the latest revision unless ?revision= names an earlier one',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such quote or revision, or one the caller may not read' })
  async quote(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Query() query: QuoteRevisionQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.quote(actor, id, query.revision), ifNoneMatch);
  }

  @Get('purchase-orders/:id.pdf')
  @ApiFileResult('application/pdf', PDF_DESCRIPTION)
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({
    summary:
      'The purchase order as a PDF download (PO-….pdf): supplier, lines with their SKUs, warehouse, quantity, ' +
      'unit cost and expected date, total',
  })
  @Revalidated()
  @ApiNotFoundResponse({ description: 'No such purchase order' })
  async purchaseOrder(
    @Param('id', IdPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.documents.purchaseOrder(id), ifNoneMatch);
  }
}
