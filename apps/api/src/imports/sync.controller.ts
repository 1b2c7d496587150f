import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SyncResult } from '@tradecounter/contracts';
import { Caller, CurrentCaller, IntegrationsToo, Roles } from '../auth/decorators';
import { ApiResult } from '../openapi/api-result';
import { SyncRequestDto } from './dto/sync.dto';
import { SyncService } from './sync.service';

/**
 * ERP sync: the imports' upserts as JSON, keyed the same way, for an admin
 * or an integration key with the data-sync scope (X-Api-Key).
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller()
@Roles('admin')
@IntegrationsToo()
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Put('sync/:kind')
  @ApiOperation({
    summary:
      'Upsert rows of a kind by their natural key (SKU, account code, e-mail, tier name, supplier code), all or ' +
      'nothing, like a committed file: the same columns, a field left out is left unchanged. 400 names ' +
      'rows[N].field when any row is refused (nothing written).',
  })
  @ApiResult('SyncResult')
  @ApiBadRequestResponse({ description: 'A row or column refused: nothing written' })
  @ApiConflictResponse({ description: 'The data changed while syncing: nothing written; send it again' })
  rows(
    @CurrentCaller() caller: Caller,
    @Param('kind') kind: string,
    @Body() body: SyncRequestDto,
  ): Promise<SyncResult> {
    return this.sync.sync(caller, kind, body.rows);
  }

  @Put('products/by-sku/:sku')
  @ApiOperation({
    summary:
      'Upsert one product by SKU (the products file’s columns as JSON; the SKU comes from the path): PUT /api/sync/products with one row',
  })
  @ApiBody({
    schema: { type: 'object', additionalProperties: true },
    examples: { price: { value: { listPrice: '12.50', active: true } } },
  })
  @ApiResult('SyncResult')
  @ApiBadRequestResponse({ description: 'A field refused: nothing written' })
  product(
    @CurrentCaller() caller: Caller,
    @Param('sku') sku: string,
    @Body() body: Record<string, unknown>,
  ): Promise<SyncResult> {
    return this.sync.sync(caller, 'products', [{ ...body, sku }]);
  }
}
