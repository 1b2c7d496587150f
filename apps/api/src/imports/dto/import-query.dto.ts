import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import type { ImportAction } from '@tradecounter/contracts';
import { OptionalField } from '../../common/http/field-decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';

/** `POST /api/imports/:kind?dryRun=true&fileName=…` */
export class ImportUploadQueryDto {
  @ApiPropertyOptional({
    description:
      'true: check the file and write nothing; false/absent: check it, then commit it all or nothing',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'The file’s name, as the history shows it', example: 'products.csv' })
  @OptionalField()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

export const IMPORT_ACTIONS: readonly ImportAction[] = ['create', 'update', 'unchanged', 'error'];

export class ImportRowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_ACTIONS, description: 'Only the rows with this action' })
  @OptionalField()
  @IsIn(IMPORT_ACTIONS)
  action?: ImportAction;
}

export class SheetFormatQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @OptionalField()
  @IsIn(['csv', 'xlsx'])
  format?: 'csv' | 'xlsx';
}
