import { Controller, Delete, Get, Headers, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ProductImage } from '@tradecounter/contracts';
import { imageUploadProblem, MAX_PRODUCT_IMAGE_BYTES, PRODUCT_IMAGE_TYPES } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Public, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ProblemException } from '../common/http/problem';
import { readRawBody } from '../common/http/raw-body';
import { ProductImageQueryDto } from './dto/product-image.dto';
import { ProductImagesService } from './product-images.service';
import { ApiEmptyResult, ApiFileResult, ApiResult } from '../openapi/api-result';

@ApiTags('catalog')
@Controller('products/:id/image')
export class ProductImagesController {
  constructor(private readonly images: ProductImagesService) {}

  /**
   * Public: an <img> cannot send the bearer token. Images are catalog data
   * shared by every account, addressed by an unguessable product id; only
   * the resized WebP images are served, never the upload and its metadata
   * (docs/security.md, "Product images").
   */
  @Get()
  @ApiFileResult('image/webp')
  @Public()
  @ApiOperation({
    summary:
      "The product's image as WebP, with a strong ETag (304 on If-None-Match); immutable when ?v= is the current version",
  })
  @ApiNotFoundResponse({ description: 'No such product, or it has no image' })
  async serve(
    @Param('id', IdPipe) id: string,
    @Query() query: ProductImageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const served = await this.images.serve(id, query.size ?? 'large', query.v, ifNoneMatch);
    response.status(served.status).set(served.headers);
    response.end(served.bytes);
  }

  @Put()
  @ApiResult('ProductImage')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiConsumes(...PRODUCT_IMAGE_TYPES)
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'The image file itself, at most 5 MB',
  })
  @ApiOperation({
    summary: "Put the product's one image (JPEG, PNG or WebP, at most 5 MB), replacing any; audited",
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a JPEG, PNG or WebP image' })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB' })
  async put(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProductImage> {
    // The type is refused before a byte is read; the size as it is read.
    const problem = imageUploadProblem(contentType, 1);
    if (problem) throw new ProblemException(problem.status, `The image ${problem.message}`);
    const bytes = await readRawBody(request, response, MAX_PRODUCT_IMAGE_BYTES);
    return this.images.put(actor, id, bytes, contentType);
  }

  @Delete()
  @ApiEmptyResult()
  @Roles('admin')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: "Remove the product's image; audited" })
  @ApiNotFoundResponse({ description: 'No such product, or it has no image' })
  remove(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<void> {
    return this.images.remove(actor, id);
  }
}
