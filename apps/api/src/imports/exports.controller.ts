import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { XLSX_CONTENT_TYPE } from '@tradecounter/contracts';
import { Roles } from '../auth/decorators';
import { SheetFormatQueryDto } from './dto/import-query.dto';
import { ImportRegistry } from './import-registry';
import { SHEET_CONTENT_TYPES, writeSheet } from './sheet-writer';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':kind')
  @Roles('admin', 'manager')
  @ApiOperation({
    summary:
      'Every record of a kind in its import columns (key order), streamed: edit it and import it back. In CSV a ' +
      'text a spreadsheet would run as a formula (= + - @) gets a leading apostrophe, which the import removes',
  })
  @ApiProduces('text/csv', XLSX_CONTENT_TYPE)
  async export(
    @Param('kind') kind: string,
    @Query() query: SheetFormatQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const handler = this.registry.handler(kind);
    const format = query.format ?? 'csv';
    const header = handler.info.columns.map((column) => column.name);
    response.setHeader('Content-Type', SHEET_CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="${kind}.${format}"`);
    await writeSheet(
      response,
      format,
      kind,
      header,
      rowsOf(handler.exportRecords(this.dataSource.manager), header),
    );
  }
}

async function* rowsOf(
  records: AsyncIterable<Record<string, string>>,
  header: string[],
): AsyncGenerator<string[]> {
  for await (const record of records) yield header.map((name) => record[name] ?? '');
}
