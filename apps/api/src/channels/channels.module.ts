import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { IntegrationKeys } from '../auth/integration-keys';
import { OrdersModule } from '../orders/orders.module';
import { ChannelAccountEntity } from './channel-account.entity';
import { ChannelEntity } from './channel.entity';
import { ChannelKeyGuard } from './channel-key.guard';
import { ChannelOrdersController } from './channel-orders.controller';
import { ChannelOrdersService } from './channel-orders.service';
import { ChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';

/** Integrations (admin) and the orders they send, through ordering's own placement. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ChannelEntity, ChannelAccountEntity]),
    AccountsModule,
    AuditModule,
    AuthModule,
    OrdersModule,
  ],
  controllers: [ChannelsController, ChannelOrdersController],
  providers: [ChannelsRepository, ChannelsService, ChannelOrdersService, ChannelKeyGuard],
})
export class ChannelsModule implements OnModuleInit {
  constructor(
    private readonly keys: IntegrationKeys,
    private readonly channels: ChannelsService,
  ) {}

  /** Routes marked @IntegrationsToo (shipment delivery) accept an integration's key, within its binding. */
  onModuleInit(): void {
    this.keys.provide(async (key) => {
      const channel = await this.channels.authenticate(key);
      return {
        name: channel.name,
        binding: { allAccounts: channel.allAccounts, accountIds: channel.accountIds },
        dataSync: channel.dataSync,
        ownerId: channel.createdBy,
      };
    });
  }
}
