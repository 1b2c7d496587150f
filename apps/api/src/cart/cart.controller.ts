import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Cart, QuickOrderResult } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CUSTOMER, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ProblemException } from '../common/http/problem';
import { CartMergeService } from './cart-merge.service';
import { CartService } from './cart.service';
import { QuickOrderDto, SetCartLineDto } from './dto/cart.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('cart')
@ApiBearerAuth()
@Controller('cart')
export class CartController {
  constructor(
    private readonly cart: CartService,
    private readonly merging: CartMergeService,
  ) {}

  @Get()
  @ApiResult('Cart')
  @Roles(...CUSTOMER)
  @ApiOperation({
    summary:
      "The user's cart, priced at each line's quantity and promised for the account's warehouse, with ship-complete dates",
  })
  view(@CurrentUser() actor: AuthUser): Promise<Cart> {
    return this.cart.view(actor);
  }

  @Delete()
  @ApiResult('Cart')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiOperation({ summary: 'Empty the cart; answers the empty cart' })
  clear(@CurrentUser() actor: AuthUser): Promise<Cart> {
    return this.cart.clear(actor);
  }

  @Put('lines/:productId')
  @ApiResult('Cart')
  @Roles(...CUSTOMER)
  @ApiOperation({
    summary:
      'Set the quantity of a product in the cart. 400 with the reason and a suggestedQuantity when the pack rules refuse it; 404 for an unknown product',
  })
  setLine(
    @CurrentUser() actor: AuthUser,
    @Param('productId', IdPipe) productId: string,
    @Body() body: SetCartLineDto,
  ): Promise<Cart> {
    return this.cart.setLine(actor, productId, body.quantity);
  }

  @Delete('lines/:productId')
  @ApiResult('Cart')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a product from the cart; answers the cart' })
  removeLine(@CurrentUser() actor: AuthUser, @Param('productId', IdPipe) productId: string): Promise<Cart> {
    return this.cart.removeLine(actor, productId);
  }

  @Post('lines')
  @ApiResult('QuickOrderResult')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Quick order: add SKUs and quantities, merged with the lines already in the cart. A result per row (added, or why not); good rows are added whatever the others do',
  })
  @ApiBadRequestResponse({ description: 'Not a list of rows, or the cart would pass 500 lines' })
  quickOrder(@CurrentUser() actor: AuthUser, @Body() body: QuickOrderDto): Promise<QuickOrderResult> {
    return this.merging.quickOrder(actor, body.lines);
  }

  @Post('import')
  @ApiResult('QuickOrderResult')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'sku,quantity\nGLV-NIT-M,10\nTAPE-48,36\n' },
    description: 'One "sku,quantity" per row (header optional; tabs, semicolons or spaces also separate)',
  })
  @ApiOperation({
    summary: 'Quick order from a CSV file: the same merge as POST /api/cart/lines, a result per CSV row',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 256 KB' })
  importCsv(
    @CurrentUser() actor: AuthUser,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<QuickOrderResult> {
    if (!isCsv(contentType)) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'Send the file as text/csv: one "sku,quantity" per row',
      );
    }
    return this.merging.importCsv(actor, typeof body === 'string' ? body : '');
  }

  @Post('reorder/:orderId')
  @ApiResult('QuickOrderResult')
  @Roles(...CUSTOMER)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Put a past order's lines (any status) into the cart, merged with what is there; products no longer sold are reported",
  })
  reorder(
    @CurrentUser() actor: AuthUser,
    @Param('orderId', IdPipe) orderId: string,
  ): Promise<QuickOrderResult> {
    return this.merging.reorder(actor, orderId);
  }
}

function isCsv(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'text/csv';
}
