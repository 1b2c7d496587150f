import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { OptionalField } from '../../common/http/field-decorators';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
