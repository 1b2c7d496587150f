import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AccountEntity } from './account.entity';
import { AccountMembersController } from './account-members.controller';
import { AccountMembersService } from './account-members.service';
import { AccountUserImport } from './account-user-import';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AddressEntity } from './address.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity, AddressEntity]), UsersModule],
  controllers: [AccountsController, AccountMembersController],
  providers: [AccountsRepository, AccountsService, AccountMembersService, AccountUserImport],
  exports: [AccountsService, AccountUserImport],
})
export class AccountsModule {}
