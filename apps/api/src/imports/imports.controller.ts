import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  XLSX_CONTENT_TYPE,
  type ImportJob,
  type ImportKindInfo,
  type ImportResult,
  type ImportRowDetail,
  type Page,
} from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { PageQueryDto, pageRequest } from '../common/http/pagination.dto';
import { ImportRowsQueryDto, ImportUploadQueryDto, SheetFormatQueryDto } from './dto/import-query.dto';
import { ImportsService, type RunAnswer } from './imports.service';
import { SHEET_CONTENT_TYPES, writeSheet } from './sheet-writer';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('admin')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('kinds')
  @ApiOperation({ summary: 'What can be imported (and exported): each kind’s columns, key and child set' })
  @ApiOkResponse({ description: 'ImportKindInfo[]' })
  kinds(): ImportKindInfo[] {
    return this.imports.kinds();
  }

  @Get('templates/:kind')
  @ApiOperation({ summary: 'A template file for a kind: the header and one example row' })
  @ApiProduces('text/csv', XLSX_CONTENT_TYPE)
  async template(
    @Param('kind') kind: string,
    @Query() query: SheetFormatQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const { info } = this.imports.handler(kind);
    const format = query.format ?? 'csv';
    response.setHeader('Content-Type', SHEET_CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="${kind}-template.${format}"`);
    await writeSheet(
      response,
      format,
      kind,
      info.columns.map((column) => column.name),
      once(info.columns.map((column) => column.example)),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Import history, newest first' })
  @ApiOkResponse({ description: 'Page<ImportJob>' })
  list(@Query() query: PageQueryDto): Promise<Page<ImportJob>> {
    return this.imports.list(pageRequest(query));
  }

  @Post(':kind')
  @ApiConsumes('text/csv', XLSX_CONTENT_TYPE)
  @ApiBody({ description: 'The file itself (CSV or XLSX) as the body; its name in ?fileName=' })
  @ApiOperation({
    summary:
      'Upload a file of a kind. With dryRun=true: check every row and write nothing. Without: check, then commit ' +
      'all or nothing in one transaction. 200 with the result when done within ~1.5 s (errors first, up to 200 ' +
      'rows), else 202 with the job and Location: /api/imports/:id to poll',
  })
  @ApiOkResponse({ description: 'ImportResult' })
  @ApiAcceptedResponse({ description: 'ImportJob: still running' })
  @ApiBadRequestResponse({
    description: 'The header is wrong (unknown, duplicate or empty column, no key column)',
  })
  @ApiConflictResponse({ description: 'Rows have errors: nothing written; the result is in `result`' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than IMPORT_MAX_MB' })
  async upload(
    @CurrentUser() actor: AuthUser,
    @Param('kind') kind: string,
    @Query() query: ImportUploadQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResult | ImportJob> {
    return send(
      response,
      await this.imports.upload(actor, kind, request, {
        dryRun: query.dryRun === true,
        fileName: query.fileName,
      }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import: its status, progress, counts and first 200 rows (errors first)' })
  @ApiOkResponse({ description: 'ImportResult' })
  result(@Param('id', IdPipe) id: string): Promise<ImportResult> {
    return this.imports.result(id);
  }

  @Get(':id/rows')
  @ApiOperation({
    summary: 'An import’s rows in file order, with their cells and the record before and after',
  })
  @ApiOkResponse({ description: 'Page<ImportRowDetail>' })
  rows(@Param('id', IdPipe) id: string, @Query() query: ImportRowsQueryDto): Promise<Page<ImportRowDetail>> {
    return this.imports.rows(id, query.action, pageRequest(query));
  }

  @Get(':id/errors.csv')
  @ApiOperation({ summary: 'The rows with errors as the file had them, plus an `error` column' })
  @ApiProduces('text/csv')
  async errors(@Param('id', IdPipe) id: string, @Res() response: Response): Promise<void> {
    const file = await this.imports.errorsFile(id);
    response.setHeader('Content-Type', SHEET_CONTENT_TYPES.csv);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`);
    await writeSheet(response, 'csv', 'errors', file.header, file.rows);
  }

  @Post(':id/commit')
  @ApiOperation({
    summary:
      'Commit a dry run: every row is checked again in the transaction; 409 with the new result when anything ' +
      'changed since (nothing written), or when rows have errors. 200 the result, or 202 the job to poll',
  })
  @ApiOkResponse({ description: 'ImportResult' })
  @ApiAcceptedResponse({ description: 'ImportJob: still committing' })
  @ApiConflictResponse({
    description: 'Already committed, still running, rows with errors, or changed since',
  })
  async commit(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResult | ImportJob> {
    return send(response, await this.imports.commit(actor, id));
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask a running dry run or commit to stop (between chunks); a cancelled commit writes nothing',
  })
  @ApiAcceptedResponse({ description: 'ImportJob: the cancel is asked' })
  @ApiConflictResponse({ description: 'The import is not running' })
  cancel(@Param('id', IdPipe) id: string): Promise<ImportJob> {
    return this.imports.cancel(id);
  }
}

function send(response: Response, answer: RunAnswer): ImportResult | ImportJob {
  response.status(answer.status);
  if (answer.location) response.setHeader('Location', answer.location);
  return answer.body;
}

async function* once(row: string[]): AsyncGenerator<string[]> {
  yield row;
}
