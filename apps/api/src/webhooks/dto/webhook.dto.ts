import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryStatus,
  WebhookEventType,
} from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { IsWebhookUrl } from './webhook-url.validator';
import { OptionalField } from '../../common/http/field-decorators';

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://erp.example.com/hooks/tradecounter', description: 'http or https' })
  @IsString()
  @MaxLength(2000)
  @IsWebhookUrl()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ description: '16–200 characters; generated when absent. Shown only in this answer' })
  @OptionalField()
  @IsString()
  @Length(16, 200)
  secret?: string;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @MaxLength(2000)
  @IsWebhookUrl()
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @OptionalField()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @ApiPropertyOptional() @OptionalField() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({ description: 'A new secret, 16–200 characters' })
  @OptionalField()
  @IsString()
  @Length(16, 200)
  secret?: string;
}

const DELIVERY_STATUSES: WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @OptionalField()
  @IsIn(DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}
