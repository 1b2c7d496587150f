import { Body, Controller, Delete, Get, Headers, Put, Req, Res } from '@nestjs/common';
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
import type { CompanySettings } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { firstMultipartFile, multipartBoundary } from '../common/http/multipart-file';
import { readRawBody } from '../common/http/raw-body';
import { checkLogoType, MAX_LOGO_BYTES } from './company-logo';
import { CompanySettingsService } from './company-settings.service';
import { CompanySettingsDto } from './dto/company-settings.dto';
import { ApiFileResult, ApiResult } from '../openapi/api-result';

/** Room for a multipart form's boundaries and part headers around a logo of the largest size. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/company')
export class CompanySettingsController {
  constructor(private readonly settings: CompanySettingsService) {}

  @Get()
  @ApiResult('CompanySettings')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'The company letterhead every document carries (name, address, contact, logo or not)',
  })
  get(): Promise<CompanySettings> {
    return this.settings.get();
  }

  @Put()
  @ApiResult('CompanySettings')
  @Roles('admin')
  @ApiOperation({ summary: 'Change the letterhead; the next document of every kind shows it; audited' })
  update(@CurrentUser() actor: AuthUser, @Body() body: CompanySettingsDto): Promise<CompanySettings> {
    return this.settings.update(actor, body);
  }

  @Get('logo')
  @ApiFileResult(['image/png', 'image/jpeg'])
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The logo as uploaded (PNG or JPEG), with an ETag of its version' })
  @ApiNotFoundResponse({ description: 'No logo was uploaded' })
  async logo(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const logo = await this.settings.logo();
    const etag = `"logo-${logo.version}"`;
    response.set({ ETag: etag, 'Cache-Control': 'private, no-cache', 'X-Content-Type-Options': 'nosniff' });
    if (ifNoneMatch === etag) {
      response.status(304).end();
      return;
    }
    response.status(200).type(logo.contentType).end(logo.bytes);
  }

  /**
   * The file either as a multipart form (field `file`, as a browser's
   * FormData sends it) or as the raw body with its image Content-Type.
   */
  @Put('logo')
  @ApiResult('CompanySettings')
  @Roles('admin')
  @ApiConsumes('multipart/form-data', 'image/png', 'image/jpeg')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description:
      'A PNG or JPEG, at most 1 MB: the image itself as the body, or a multipart form with one file field',
  })
  @ApiOperation({ summary: 'Put the logo drawn top-left on every document, replacing any; audited' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PNG or JPEG (by its content, not only its type)' })
  @ApiPayloadTooLargeResponse({ description: 'Over 1 MB' })
  async putLogo(
    @CurrentUser() actor: AuthUser,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CompanySettings> {
    // A browser's FormData (multipart, one file) or the image itself as the body; read after the
    // guards, so nobody who may not upload has a byte read. The logo's own 1 MB is checked after.
    const boundary = multipartBoundary(contentType);
    if (!boundary) checkLogoType(contentType); // refused before a byte is read
    const body = await readRawBody(request, response, MAX_LOGO_BYTES + (boundary ? FORM_OVERHEAD_BYTES : 0));
    if (boundary) {
      const file = firstMultipartFile(body, boundary);
      return this.settings.putLogo(actor, file.bytes, file.contentType);
    }
    return this.settings.putLogo(actor, body, contentType);
  }

  @Delete('logo')
  @ApiResult('CompanySettings')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove the logo; documents go back to the name alone; audited' })
  @ApiNotFoundResponse({ description: 'No logo was uploaded' })
  removeLogo(@CurrentUser() actor: AuthUser): Promise<CompanySettings> {
    return this.settings.removeLogo(actor);
  }
}
