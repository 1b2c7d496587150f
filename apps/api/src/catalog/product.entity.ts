import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { moneyColumn } from '../database/columns';

@Entity({ name: 'products' })
@Check('products_list_price_check', `list_price >= 0`)
@Check('products_return_window_check', `return_window_days IS NULL OR return_window_days >= 0`)
@Check('products_quantities_check', `min_order_qty >= 1 AND order_multiple >= 1 AND lead_time_days >= 0`)
@Index('products_category_idx', ['category', 'sku'])
/** Trigram index over "sku name" for word search; declared in the migration. */
@Index('products_search_trgm', { synchronize: false })
@Index('products_sku_prefix_idx', { synchronize: false })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  sku: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The unit's barcode (EAN/UPC), scanned at the check step; unique when set. */
  @Column({ type: 'text', nullable: true, unique: true })
  barcode: string | null;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'list_price', ...moneyColumn })
  listPrice: string;

  @Column({ name: 'min_order_qty', type: 'integer', default: 1 })
  minOrderQty: number;

  @Column({ name: 'order_multiple', type: 'integer', default: 1 })
  orderMultiple: number;

  @Column({ name: 'lead_time_days', type: 'integer', default: 10 })
  leadTimeDays: number;

  @Column({ type: 'boolean', default: true })
  backorderable: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Days after delivery a return may be asked; null = the default window, 0 = not returnable. */
  @Column({ name: 'return_window_days', type: 'integer', nullable: true })
  returnWindowDays: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What a catalog page reads of a product: its columns but the timestamps. */
export type CatalogProduct = Omit<ProductEntity, 'createdAt' | 'updatedAt'>;
