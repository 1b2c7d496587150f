import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IntegrationKeys } from './integration-keys';
import { LoginThrottle } from './login-throttle';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService } from './token.service';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshTokenEntity]), UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    LoginThrottle,
    RefreshTokensRepository,
    IntegrationKeys,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IntegrationKeys],
})
export class AuthModule {}
