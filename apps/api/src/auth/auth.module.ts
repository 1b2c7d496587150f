import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { IntegrationKeys } from './integration-keys';
import { LoginFailureEntity } from './login-failure.entity';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottle } from './login-throttle';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevokedSessionEntity } from './revoked-session.entity';
import { RevokedSessionsRepository } from './revoked-sessions.repository';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshTokenEntity, RevokedSessionEntity, LoginFailureEntity]),
    UsersModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    LoginThrottle,
    LoginFailuresRepository,
    RefreshTokensRepository,
    RevokedSessionsRepository,
    SessionRevocations,
    IntegrationKeys,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IntegrationKeys],
})
export class AuthModule {}
