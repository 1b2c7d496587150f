import { Module } from '@nestjs/common';
import { UsersModule } from '../../users/users.module';
import { DemoSeed } from './demo-seed';

@Module({ imports: [UsersModule], providers: [DemoSeed], exports: [DemoSeed] })
export class SeedModule {}
