import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ProductEntity } from './product.entity';

/**
 * A product's one image: the upload as sent (kept so new sizes can be made
 * from it later; never served, it may carry camera metadata) and the WebP
 * images made from it, which are what browsers get. In PostgreSQL rather
 * than on disk: backups, replicas and every API instance see the same
 * images with nothing more to set up, and an image is never out of step
 * with its row. Images are small (5 MB at most, tens of KB served).
 *
 * The byte columns are not selected unless asked for, so reading an
 * image's facts never drags its bytes along.
 */
@Entity({ name: 'product_images' })
@Check('product_images_dimensions_check', `width > 0 AND height > 0 AND byte_size > 0`)
export class ProductImageEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<ProductEntity>;

  /** A hash of the upload: the URLs' `v` and the ETags' stem. */
  @Column({ type: 'text' })
  version: string;

  /** Of the upload: image/jpeg, image/png or image/webp. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ type: 'bytea', select: false })
  original: Buffer;

  /** 96 px WebP. */
  @Column({ type: 'bytea', select: false })
  thumb: Buffer;

  /** 480 px WebP. */
  @Column({ type: 'bytea', select: false })
  large: Buffer;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
