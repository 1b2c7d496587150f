import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ImportKind, ImportKindInfo } from '@tradecounter/contracts';
import { IMPORT_KINDS } from '@tradecounter/contracts';
import { notFound } from '../common/http/problem';
import { IMPORT_HANDLER, type ImportKindHandler } from './import-kind';

/**
 * The import kinds this API has: every provider marked @ImportHandler() in
 * any module, found once at start-up (a context adds a kind by providing
 * and exporting its handler).
 */
@Injectable()
export class ImportRegistry implements OnModuleInit {
  private readonly handlers = new Map<ImportKind, ImportKindHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as ImportKindHandler | undefined;
      if (!instance || !wrapper.metatype) continue;
      if (Reflect.getMetadata(IMPORT_HANDLER, wrapper.metatype) !== true) continue;
      const kind = instance.info.kind;
      const known = this.handlers.get(kind);
      if (known && known !== instance) throw new Error(`Two import handlers for ${kind}`);
      this.handlers.set(kind, instance);
    }
  }

  /** The handler of a kind; 404 for a kind this API does not import. */
  handler(kind: string): ImportKindHandler {
    const handler = this.handlers.get(kind as ImportKind);
    if (!handler) throw notFound(`Import kind ${kind}`);
    return handler;
  }

  kinds(): ImportKindInfo[] {
    return IMPORT_KINDS.flatMap((kind) => {
      const handler = this.handlers.get(kind);
      return handler ? [handler.info] : [];
    });
  }
}
