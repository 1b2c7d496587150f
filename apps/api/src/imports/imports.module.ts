import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ExportsController } from './exports.controller';
import { ImportRegistry } from './import-registry';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/**
 * The import/export engine: files, dry runs, jobs, commits, exports. The
 * kinds come from the contexts (providers marked @ImportHandler()).
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [ImportsController, ExportsController],
  providers: [ImportRegistry, ImportRunner, ImportsRepository, ImportsService],
})
export class ImportsModule {}
