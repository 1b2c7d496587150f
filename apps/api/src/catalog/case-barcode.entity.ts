import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ProductEntity } from './product.entity';

/**
 * A barcode on a case of `qty` units of a product; the check step counts a
 * scan of it as `qty` units. A code is unique here, and the catalog service
 * keeps it apart from every product barcode and SKU.
 */
@Entity({ name: 'product_case_barcodes' })
@Check('product_case_barcodes_qty_check', `qty > 1`)
@Index('product_case_barcodes_product_idx', ['productId'])
export class CaseBarcodeEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  @Column({ type: 'integer' })
  qty: number;
}
