import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ReturnPhoto } from '@tradecounter/contracts';
import { imageUploadProblem, MAX_PRODUCT_IMAGE_BYTES, PRODUCT_IMAGE_TYPES } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { ProblemException } from '../common/http/problem';
import { firstMultipartFile, multipartBoundary } from '../common/http/multipart-file';
import { readRawBody } from '../common/http/raw-body';
import { ReturnPhotosService } from './return-photos.service';
import { ApiFileResult, ApiResult } from '../openapi/api-result';

/** Room for a form's part headers and boundaries around a photo at the size limit. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns/:id/photos')
export class ReturnPhotosController {
  constructor(private readonly photos: ReturnPhotosService) {}

  @Post()
  @ApiResult('ReturnPhoto')
  @Roles(...ANY_ROLE)
  @ApiConsumes('multipart/form-data', ...PRODUCT_IMAGE_TYPES)
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'The photo itself (or a multipart form with one file field), at most 5 MB',
  })
  @ApiOperation({
    summary:
      'Add a photo of the returned goods (JPEG, PNG or WebP, at most 5 MB): the return’s buyers or staff',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a JPEG, PNG or WebP image' })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB' })
  async add(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReturnPhoto> {
    // A browser's FormData (multipart, one file) or the image itself as the body.
    const boundary = multipartBoundary(contentType);
    if (boundary) {
      const body = await readRawBody(request, response, MAX_PRODUCT_IMAGE_BYTES + FORM_OVERHEAD_BYTES);
      const file = firstMultipartFile(body, boundary);
      const problem = imageUploadProblem(file.contentType, file.bytes.length);
      if (problem) throw new ProblemException(problem.status, `The photo ${problem.message}`);
      response.status(201);
      return this.photos.add(actor, id, file.bytes, file.contentType);
    }
    // The type is refused before a byte is read; the size as it is read (the product images' rules).
    const problem = imageUploadProblem(contentType, 1);
    if (problem) throw new ProblemException(problem.status, `The photo ${problem.message}`);
    const bytes = await readRawBody(request, response, MAX_PRODUCT_IMAGE_BYTES);
    const empty = imageUploadProblem(contentType, bytes.length);
    if (empty) throw new ProblemException(empty.status, `The photo ${empty.message}`);
    response.status(201);
    return this.photos.add(actor, id, bytes, contentType ?? '');
  }

  @Get(':photoId')
  @ApiFileResult(['image/png', 'image/jpeg', 'image/webp'])
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'A photo of the return (whoever may read the return)' })
  async get(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Param('photoId', IdPipe) photoId: string,
    @Res() response: Response,
  ): Promise<void> {
    const photo = await this.photos.get(actor, id, photoId);
    response
      .status(200)
      .set({ 'Content-Type': photo.contentType, 'Cache-Control': 'private, max-age=3600' })
      .end(photo.bytes);
  }
}
