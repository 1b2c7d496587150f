import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AfterCommitSubscriber } from '../database/after-commit';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserInvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { PasswordService } from './password.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserInvitationEntity]), NotificationsModule],
  controllers: [UsersController],
  providers: [
    UsersRepository,
    UsersService,
    PasswordService,
    InvitationsRepository,
    InvitationsService,
    AfterCommitSubscriber,
  ],
  exports: [UsersService, PasswordService, InvitationsService],
})
export class UsersModule {}
