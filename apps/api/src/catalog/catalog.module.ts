import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AvailabilityModule } from '../availability/availability.module';
import { PricingModule } from '../pricing/pricing.module';
import { CatalogService } from './catalog.service';
import { ImageProcessor } from './image-processor';
import { LineResolver } from './line-resolver';
import { ProductEntity } from './product.entity';
import { ProductImportHandler } from './product-import';
import { ProductImagesController } from './product-images.controller';
import { ProductImagesRepository } from './product-images.repository';
import { ProductImagesService } from './product-images.service';
import { ProductsController } from './products.controller';
import { ProductsRepository } from './products.repository';
import { ProductCodesRepository } from './product-codes.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity]), AccountsModule, PricingModule, AvailabilityModule],
  controllers: [ProductsController, ProductImagesController],
  providers: [
    ProductsRepository,
    ProductCodesRepository,
    CatalogService,
    LineResolver,
    ProductImagesRepository,
    ProductImagesService,
    ImageProcessor,
    ProductImportHandler,
  ],
  exports: [
    CatalogService,
    LineResolver,
    ProductImagesRepository,
    ProductCodesRepository,
    ProductImportHandler,
  ],
})
export class CatalogModule {}
