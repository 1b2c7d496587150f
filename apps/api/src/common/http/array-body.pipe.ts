import { Injectable, PipeTransform, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badRequest } from './problem';
import { findLineBreakFault } from './single-line';
import { flattenValidationErrors } from './validation';

/** Validates a JSON array body item by item, naming fields as "[2].minQty". */
@Injectable()
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(
    private readonly itemType: Type<T>,
    private readonly maxItems: number,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) throw badRequest('The body must be a JSON array');
    if (value.length > this.maxItems) throw badRequest(`At most ${this.maxItems} items are allowed`);
    const items = value.map((item: unknown) => plainToInstance(this.itemType, item));
    const errors = (
      await Promise.all(
        items.map(async (item, index) => {
          if (typeof item !== 'object' || item === null)
            return [{ field: `[${index}]`, message: 'must be an object' }];
          const found = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
          const lineBreak = found.length === 0 ? findLineBreakFault(item, `[${index}]`) : undefined;
          return lineBreak ? [lineBreak] : flattenValidationErrors(found, `[${index}]`);
        }),
      )
    ).flat();
    if (errors.length > 0) throw badRequest('The request has invalid items', errors);
    return items;
  }
}
