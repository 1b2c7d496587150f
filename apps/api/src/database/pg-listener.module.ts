import { Module } from '@nestjs/common';
import { PgListener } from './pg-listener';

/** The one LISTEN connection of the process, shared by every background worker. */
@Module({ providers: [PgListener], exports: [PgListener] })
export class PgListenerModule {}
