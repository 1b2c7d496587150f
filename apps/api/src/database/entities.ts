import { QuoteEntity } from '../quotes/quote.entity';
import { QuoteEventEntity } from '../quotes/quote-event.entity';
import { QuoteLineEntity } from '../quotes/quote-line.entity';
import { QuoteRevisionEntity } from '../quotes/quote-revision.entity';
import { AccountEntity } from '../accounts/account.entity';
import { AddressEntity } from '../accounts/address.entity';
import { HolidayEntity } from '../availability/holiday.entity';
import { InboundEntity } from '../availability/inbound.entity';
import { StockEntity } from '../availability/stock.entity';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { LoginFailureEntity } from '../auth/login-failure.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { RevokedSessionEntity } from '../auth/revoked-session.entity';
import { CartLineEntity } from '../cart/cart-line.entity';
import { CartEntity } from '../cart/cart.entity';
import { ProductEntity } from '../catalog/product.entity';
import { ProductCategoryCountEntity } from '../catalog/product-category-count.entity';
import { CarrierTrackingEntity } from '../fulfilment/carrier-tracking.entity';
import { ProductImageEntity } from '../catalog/product-image.entity';
import { DeliveryRatingEntity } from '../fulfilment/delivery-rating.entity';
import { OrderPackageEntity } from '../fulfilment/order-package.entity';
import { ShipmentLineEntity } from '../fulfilment/shipment-line.entity';
import { ShipmentEntity } from '../fulfilment/shipment.entity';
import { IdempotencyKeyEntity } from '../orders/idempotency-key.entity';
import { OrderEventEntity } from '../orders/order-event.entity';
import { OrderLineAllocationEntity } from '../orders/order-line-allocation.entity';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';
import { OutboxMessageEntity } from '../events/outbox-message.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { ContractPriceEntity } from '../pricing/contract-price.entity';
import { PriceTierEntity } from '../pricing/price-tier.entity';
import { TierBreakEntity } from '../pricing/tier-break.entity';
import { TierFixedPriceEntity } from '../pricing/tier-fixed-price.entity';
import { OrderTemplateLineEntity } from '../templates/order-template-line.entity';
import { OrderTemplateEntity } from '../templates/order-template.entity';
import { UserEntity } from '../users/user.entity';
import { UserInvitationEntity } from '../users/invitation.entity';
import { ChannelEntity } from '../channels/channel.entity';
import { ChannelAccountEntity } from '../channels/channel-account.entity';
import { AccountExposureEntity } from '../orders/account-exposure.entity';
import {
  BacklogByDayEntity,
  CycleTimeByDayEntity,
  DeliveredByDayEntity,
  DeliveryByDayEntity,
  PromiseAccuracyByDayEntity,
  ReportSettingsEntity,
  SalesByDayEntity,
  SalesByDayProductEntity,
} from '../reports/rollup.entities';
import {
  CycleTimeByMonthEntity,
  CycleTimeHoursByDayEntity,
  CycleTimeHoursByMonthEntity,
  DeliveryByDayStripeEntity,
  DeliveryByMonthEntity,
  ProductSalesByDayEntity,
  ProductSalesByMonthEntity,
  PromiseAccuracyByMonthEntity,
  SalesByDayStripeEntity,
  SalesByMonthEntity,
  SalesByMonthProductEntity,
} from '../reports/coarse-rollup.entities';
import { DemandByDayEntity } from '../purchasing/demand-by-day.entity';
import { StandingOrderLineEntity } from '../standing-orders/standing-order-line.entity';
import { StandingOrderPreviewEntity } from '../standing-orders/standing-order-preview.entity';
import { StandingOrderRunEntity } from '../standing-orders/standing-order-run.entity';
import { StandingOrderSkipEntity } from '../standing-orders/standing-order-skip.entity';
import { StandingOrderEntity } from '../standing-orders/standing-order.entity';
import { CaseBarcodeEntity } from '../catalog/case-barcode.entity';
import { CheckMismatchEntity } from '../warehouse/check-mismatch.entity';
import { OrderCheckLineEntity } from '../warehouse/order-check-line.entity';
import { ShortPickEntity } from '../warehouse/short-pick.entity';
import { WaveOrderEntity } from '../warehouse/wave-order.entity';
import { WaveEntity } from '../warehouse/wave.entity';
import { PicksByDayEntity } from '../warehouse/picks-by-day.entity';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from '../webhooks/webhook-subscription.entity';

import { ProductSupplyEntity } from '../purchasing/product-supply.entity';
import { PurchaseOrderEventEntity } from '../purchasing/purchase-order-event.entity';
import { PurchaseOrderLineEntity } from '../purchasing/purchase-order-line.entity';
import { PurchaseOrderEntity } from '../purchasing/purchase-order.entity';
import { PurchaseReceiptEntity } from '../purchasing/purchase-receipt.entity';
import { PurchasingSettingsEntity } from '../purchasing/purchasing-settings.entity';
import { SupplierEntity } from '../purchasing/supplier.entity';
import { CompanySettingsEntity } from '../settings/company-settings.entity';
import { ReturnFeeEntity } from '../returns/return-fee.entity';
import { ReturnSettingsEntity } from '../returns/return-settings.entity';
import { ReturnEntity } from '../returns/return.entity';
import { ReturnLineEntity } from '../returns/return-line.entity';
import { ReturnEventEntity } from '../returns/return-event.entity';
import { ReturnPhotoEntity } from '../returns/return-photo.entity';
import { CreditNoteEntity } from '../returns/credit-note.entity';
import { CreditNoteLineEntity } from '../returns/credit-note-line.entity';
import { ReturnReceiptEntity } from '../returns/return-receipt.entity';
import { ReturnReceiptLineEntity } from '../returns/return-receipt-line.entity';
import { ImportRowEntity } from '../imports/import-row.entity';
import { ImportRunEntity } from '../imports/import-run.entity';
/** Every entity of the schema; migrations must match exactly these. */
export const ENTITIES = [
  CompanySettingsEntity,
  AccountEntity,
  AddressEntity,
  AuditEntryEntity,
  ProductEntity,
  ProductCategoryCountEntity,
  ProductImageEntity,
  RefreshTokenEntity,
  RevokedSessionEntity,
  LoginFailureEntity,
  UserEntity,
  UserInvitationEntity,
  PriceTierEntity,
  TierBreakEntity,
  TierFixedPriceEntity,
  ContractPriceEntity,
  WarehouseEntity,
  HolidayEntity,
  StockEntity,
  InboundEntity,
  OrderEntity,
  OrderLineEntity,
  OrderLineAllocationEntity,
  OrderEventEntity,
  IdempotencyKeyEntity,
  CartEntity,
  CartLineEntity,
  OrderTemplateEntity,
  OrderTemplateLineEntity,
  ChannelEntity,
  ChannelAccountEntity,
  AccountExposureEntity,
  SalesByDayEntity,
  SalesByDayProductEntity,
  ReportSettingsEntity,
  DeliveryByDayEntity,
  DeliveredByDayEntity,
  CycleTimeByDayEntity,
  PromiseAccuracyByDayEntity,
  BacklogByDayEntity,
  SalesByMonthEntity,
  SalesByMonthProductEntity,
  ProductSalesByDayEntity,
  ProductSalesByMonthEntity,
  DeliveryByMonthEntity,
  CycleTimeByMonthEntity,
  CycleTimeHoursByDayEntity,
  CycleTimeHoursByMonthEntity,
  PromiseAccuracyByMonthEntity,
  SalesByDayStripeEntity,
  DeliveryByDayStripeEntity,
  ShipmentEntity,
  CarrierTrackingEntity,
  ShipmentLineEntity,
  OrderPackageEntity,
  DeliveryRatingEntity,
  OutboxMessageEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  NotificationEntity,
  QuoteEntity,
  QuoteRevisionEntity,
  QuoteLineEntity,
  QuoteEventEntity,
  StandingOrderEntity,
  StandingOrderLineEntity,
  StandingOrderSkipEntity,
  StandingOrderRunEntity,
  StandingOrderPreviewEntity,
  SupplierEntity,
  ProductSupplyEntity,
  PurchaseOrderEntity,
  PurchaseOrderLineEntity,
  PurchaseOrderEventEntity,
  PurchaseReceiptEntity,
  PurchasingSettingsEntity,
  DemandByDayEntity,
  CaseBarcodeEntity,
  WaveEntity,
  WaveOrderEntity,
  ShortPickEntity,
  OrderCheckLineEntity,
  CheckMismatchEntity,
  PicksByDayEntity,
  ReturnFeeEntity,
  ReturnSettingsEntity,
  ReturnEntity,
  ReturnLineEntity,
  ReturnEventEntity,
  ReturnPhotoEntity,
  CreditNoteEntity,
  CreditNoteLineEntity,
  ReturnReceiptEntity,
  ReturnReceiptLineEntity,
  ImportRunEntity,
  ImportRowEntity,
];
