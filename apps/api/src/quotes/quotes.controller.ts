import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Order, OrderPreview, Page, SalesQuote, SalesQuoteSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import {
  AcceptQuoteDto,
  AcceptQuoteQueryDto,
  CreateQuoteDto,
  QuoteChangesDto,
  QuoteListQueryDto,
  QuotePricesDto,
  QuoteReasonDto,
  QuoteRevisionQueryDto,
} from './dto/quote.dto';
import { QuotesService } from './quotes.service';
import { ApiResult } from '../openapi/api-result';

const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'A unique value per request (1–200 visible ASCII characters). The same key and body again: the same result, 200. ' +
    'Another body: 422.',
};

@ApiTags('quotes')
@ApiBearerAuth()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post()
  @ApiResult('SalesQuote', { otherStatuses: { 200: 'SalesQuote' } })
  @Roles('buyer', 'approver', 'account_manager')
  @ApiHeader({ ...KEY_HEADER, required: true })
  @ApiOperation({
    summary:
      'Ask for a quote: 201 the quote, `requested` (200 for a repeated Idempotency-Key). Customers ask for their ' +
      'own account; account managers name accountId (one of theirs). The account manager is notified',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used with another body' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateQuoteDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SalesQuote> {
    const made = await this.quotes.create(actor, body, key);
    response.status(made.created ? 201 : 200);
    if (!made.created) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/api/quotes/${made.quote.id}`);
    return made.quote;
  }

  @Get()
  @ApiResult('Page<SalesQuoteSummary>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Quotes, newest first unless sorted (sort=createdAt|number|validUntil|status): customers their account’s, ' +
      'account managers their accounts’, other staff all; filter by status and account',
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: QuoteListQueryDto): Promise<Page<SalesQuoteSummary>> {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    return this.quotes.list(actor, filter, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('SalesQuote')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'One quote: a revision’s lines (the latest unless ?revision=), its revisions and history',
  })
  get(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Query() query: QuoteRevisionQueryDto,
  ): Promise<SalesQuote> {
    return this.quotes.get(actor, id, query.revision);
  }

  @Post(':id/quote')
  @ApiResult('SalesQuote')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Price the quote: `requested` → `quoted` (a new revision once one was priced; an expired quote is re-quoted). ' +
      'One unit price per line; validUntil defaults to 30 days. Each line gets a promise (nothing reserved)',
  })
  @ApiConflictResponse({ description: 'The quote is accepted, declined or withdrawn' })
  quote(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: QuotePricesDto,
  ): Promise<SalesQuote> {
    return this.quotes.quote(actor, id, body);
  }

  @Post(':id/accept')
  @ApiResult('Order', {
    description: 'The order placed',
    otherStatuses: { 200: 'Order | OrderPreview' },
  })
  @Roles('buyer', 'approver')
  @ApiHeader({ ...KEY_HEADER, description: `Required unless dryRun=true. ${KEY_HEADER.description}` })
  @ApiOperation({
    summary:
      'Accept the quote: 201 the order, placed like any order (address, PO, approval limit, credit) at the quoted ' +
      'prices (price source `quote`), only lineIds when given. 409 when not quoted, past validUntil, not the latest ' +
      'revision, or already accepted. With dryRun=true: 200 the order preview, nothing written',
  })
  @ApiConflictResponse({ description: 'Not acceptable now (see the detail)' })
  async accept(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: AcceptQuoteDto,
    @Query() query: AcceptQuoteQueryDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Order | OrderPreview> {
    if (query.dryRun) {
      response.status(200);
      return this.quotes.previewAccept(actor, id, body);
    }
    const placed = await this.quotes.accept(actor, id, body, key);
    response.status(placed.created ? 201 : 200);
    if (!placed.created) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/api/orders/${placed.order.id}`);
    return placed.order;
  }

  @Post(':id/request-changes')
  @ApiResult('SalesQuote')
  @Roles('buyer', 'approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask for changes: `quoted` → `requested`; the next quoting is the next revision' })
  requestChanges(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: QuoteChangesDto,
  ): Promise<SalesQuote> {
    return this.quotes.requestChanges(actor, id, body.message);
  }

  @Post(':id/decline')
  @ApiResult('SalesQuote')
  @Roles('buyer', 'approver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the quote (the buyer), with a reason' })
  decline(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: QuoteReasonDto,
  ): Promise<SalesQuote> {
    return this.quotes.decline(actor, id, body.reason);
  }

  @Post(':id/withdraw')
  @ApiResult('SalesQuote')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the quote (the seller), with a reason' })
  withdraw(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: QuoteReasonDto,
  ): Promise<SalesQuote> {
    return this.quotes.withdraw(actor, id, body.reason);
  }
}
