import { Injectable, PipeTransform } from '@nestjs/common';
import { notFound } from '../common/http/problem';
import { WAREHOUSE_CODE } from './dto/warehouse.dto';

/** A path segment that cannot be a warehouse code names nothing: 404, as a missing one. */
@Injectable()
export class WarehouseCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!WAREHOUSE_CODE.test(value)) throw notFound('Warehouse');
    return value;
  }
}
