import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { isUUID, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { ChannelOrderLine, LineReference } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { fastAccept, instanceOf, optionalUuid, plainObjectWithin } from '../../common/http/fast-accept';
import { OptionalField } from '../../common/http/field-decorators';

const SKU_REFERENCE = /^\S{1,40}$/;

/** A SKU as a line names it; whether it exists is the resolver's to say. */
const IsSkuReference = () =>
  applyDecorators(
    IsString(),
    Matches(SKU_REFERENCE, { message: 'sku must be a SKU (1–40 characters, no spaces)' }),
  );

/**
 * A requested line, as orders, quotes and promises take it: a product by id
 * or by SKU, and a quantity. `LineResolver` says which product it is, and
 * refuses an unknown, withdrawn or repeated one the same way on every route.
 */
export class LineReferenceDto implements LineReference {
  @ApiPropertyOptional({ description: 'The product; or give its sku' })
  @OptionalField()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ example: 'GLV-NIT-M', description: 'The product by SKU; or give productId' })
  @OptionalField()
  @IsSkuReference()
  sku?: string;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_LINE_QUANTITY,
    description:
      "Whole units; where the line is ordered or saved, at least the product's minimum and in whole packs",
  })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

/** A line naming its product by SKU only (channel orders: integrations know SKUs, not our ids). */
export class SkuLineDto extends PickType(LineReferenceDto, ['quantity']) implements ChannelOrderLine {
  @ApiProperty({ example: 'GLV-NIT-M' })
  @IsSkuReference()
  sku: string;
}

/** A line naming its product by id only (templates, made from the catalog the portal shows). */
export class ProductLineDto extends PickType(LineReferenceDto, ['quantity']) implements LineReference {
  @ApiProperty()
  @IsUUID()
  productId: string;
}

const LINE_FIELDS: ReadonlySet<string> = new Set(['productId', 'sku', 'quantity']);

/**
 * `lines` (`@ArrayMinSize(1) @ArrayMaxSize(max) @NestedArray(() => LineReferenceDto)`)
 * when every item is plainly valid, as LineReferenceDto instances; else
 * undefined, for the full validation (common/http/fast-accept.ts).
 */
export function acceptLineReferences(value: unknown, max: number): LineReferenceDto[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > max) return undefined;
  const lines: LineReferenceDto[] = [];
  for (const item of value as unknown[]) {
    if (!plainObjectWithin(item, LINE_FIELDS)) return undefined;
    const { productId, sku, quantity } = item;
    if (productId !== undefined && !isUUID(productId)) return undefined;
    if (sku !== undefined && !(typeof sku === 'string' && SKU_REFERENCE.test(sku))) return undefined;
    if (!(
      Number.isInteger(quantity) &&
      (quantity as number) >= 1 &&
      (quantity as number) <= MAX_LINE_QUANTITY
    ))
      return undefined;
    lines.push(instanceOf(LineReferenceDto, item));
  }
  return lines;
}

/**
 * Registers the fast acceptance (common/http/fast-accept.ts) of a body of
 * `dto` made of `lines` (at most `maxLines`), an optional `accountId` and
 * the `others` fields, which `othersValid` checks; a body with any other
 * field is left to the full validation.
 */
export function fastAcceptWithLines<T extends object>(
  dto: new () => T,
  maxLines: number,
  others: readonly string[] = [],
  othersValid: (body: Record<string, unknown>) => boolean = () => true,
): void {
  const allowed: ReadonlySet<string> = new Set(['accountId', 'lines', ...others]);
  fastAccept(dto, (body) => {
    if (!plainObjectWithin(body, allowed) || !optionalUuid(body['accountId']) || !othersValid(body))
      return undefined;
    const lines = acceptLineReferences(body['lines'], maxLines);
    return lines && instanceOf(dto, { ...body, lines });
  });
}
