import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AvailabilityModule } from '../availability/availability.module';
import { PricingModule } from '../pricing/pricing.module';
import { CatalogService } from './catalog.service';
import { LineResolver } from './line-resolver';
import { ProductEntity } from './product.entity';
import { ProductsController } from './products.controller';
import { ProductsRepository } from './products.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity]), AccountsModule, PricingModule, AvailabilityModule],
  controllers: [ProductsController],
  providers: [ProductsRepository, CatalogService, LineResolver],
  exports: [CatalogService, LineResolver],
})
export class CatalogModule {}
