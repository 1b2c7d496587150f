import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type ApproveReturnRequest,
  type CloseReturnRequest,
  type CreateReturnRequest,
  type ReceiveReturnRequest,
  type RejectReturnRequest,
  RETURN_CONDITIONS,
  RETURN_REASONS,
  RETURN_RESOLUTIONS,
  RETURN_STATUSES,
  type ReturnCondition,
  type ReturnFees,
  type ReturnReason,
  type ReturnRequestLine,
  type ReturnResolution,
  type ReturnSettings,
  type ReturnStatus,
} from '@tradecounter/contracts';
import { MultiLine, NestedArray, NestedObject, OptionalField } from '../../common/http/field-decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';

export const MAX_RETURN_LINES = 200;
const MAX_UNITS = 1_000_000;

export class ReturnRequestLineDto implements ReturnRequestLine {
  @ApiProperty({ description: 'A line of the order' })
  @IsUUID()
  orderLineId: string;

  @ApiProperty({ minimum: 1, description: 'Units to return: at most delivered less already returned' })
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity: number;

  @ApiProperty({ enum: RETURN_REASONS })
  @IsIn(RETURN_REASONS)
  reason: ReturnReason;

  @ApiPropertyOptional({ description: 'What is wrong, in the buyer’s words' })
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    enum: RETURN_RESOLUTIONS,
    description: 'Staff opening a return only (default credit)',
  })
  @OptionalField()
  @IsIn(RETURN_RESOLUTIONS)
  resolution?: ReturnResolution;
}

export class CreateReturnDto implements CreateReturnRequest {
  @ApiProperty({ description: 'A delivered order' })
  @IsUUID()
  orderId: string;

  @ApiProperty({ type: [ReturnRequestLineDto], description: '1–200 lines, each order line once' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES)
  @NestedArray(() => ReturnRequestLineDto)
  lines: ReturnRequestLineDto[];

  @ApiPropertyOptional({ description: 'Staff only: waive the restocking fee (reason required)' })
  @OptionalField()
  @IsBoolean()
  waiveFee?: boolean;

  @ApiPropertyOptional({ description: 'Why the fee is waived' })
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReturnResolutionDto {
  @ApiProperty()
  @IsUUID()
  returnLineId: string;

  @ApiProperty({ enum: RETURN_RESOLUTIONS })
  @IsIn(RETURN_RESOLUTIONS)
  resolution: ReturnResolution;
}

export class ApproveReturnDto implements ApproveReturnRequest {
  @ApiPropertyOptional({ type: [ReturnResolutionDto], description: 'Resolution per line (default credit)' })
  @OptionalField()
  @ArrayMaxSize(MAX_RETURN_LINES)
  @NestedArray(() => ReturnResolutionDto)
  lines?: ReturnResolutionDto[];

  @ApiPropertyOptional({ description: 'Waive the restocking fee (reason required)' })
  @OptionalField()
  @IsBoolean()
  waiveFee?: boolean;

  @ApiPropertyOptional({ description: 'Required when waiveFee is true' })
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReturnReasonDto implements RejectReturnRequest, CloseReturnRequest {
  @ApiProperty({ description: 'Why; kept in the return’s history' })
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class ReceiveReturnLineDto {
  @ApiProperty()
  @IsUUID()
  returnLineId: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity: number;

  @ApiProperty({ enum: RETURN_CONDITIONS, description: 'restock: back on hand; scrap: written off' })
  @IsIn(RETURN_CONDITIONS)
  condition: ReturnCondition;
}

export class ReceiveReturnDto implements ReceiveReturnRequest {
  @ApiProperty({
    type: [ReceiveReturnLineDto],
    description: 'What arrived; a line may appear once per condition',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RETURN_LINES * 2)
  @NestedArray(() => ReceiveReturnLineDto)
  lines: ReceiveReturnLineDto[];
}

export class ReturnListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RETURN_STATUSES })
  @OptionalField()
  @IsIn(RETURN_STATUSES)
  status?: ReturnStatus;

  @ApiPropertyOptional({ description: 'Staff: one account’s returns (customers always see only their own)' })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'One order’s returns' })
  @OptionalField()
  @IsUUID()
  orderId?: string;
}

export class CreditNoteListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Staff: one account’s credit notes' })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'One return’s credit notes' })
  @OptionalField()
  @IsUUID()
  returnId?: string;
}

const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;
const percentField = () =>
  Matches(PERCENT, { message: '$property must be a percentage from 0 to 100 with at most two decimals' });

export class ReturnFeesDto implements ReturnFees {
  @ApiProperty({ example: '0' }) @IsString() @percentField() damaged: string;
  @ApiProperty({ example: '0' }) @IsString() @percentField() defective: string;
  @ApiProperty({ example: '0' }) @IsString() @percentField() wrong_item: string;
  @ApiProperty({ example: '15' }) @IsString() @percentField() not_needed: string;
  @ApiProperty({ example: '10' }) @IsString() @percentField() other: string;
}

export class ReturnSettingsDto implements ReturnSettings {
  @ApiProperty({ type: ReturnFeesDto, description: 'The restocking fee per reason, a percentage' })
  @NestedObject(() => ReturnFeesDto)
  fees: ReturnFeesDto;

  @ApiProperty({ minimum: 0, maximum: 3650, description: 'Days after delivery when a product names none' })
  @IsInt()
  @Min(0)
  @Max(3650)
  defaultWindowDays: number;
}
