import { INestApplication, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { INTEGRATIONS_KEY, PUBLIC_KEY } from '../auth/decorators';
import { API_RESULT_KEY, ApiResultMetadata } from './api-result';

/** What the document needs to know about a route that @nestjs/swagger does not read itself. */
export interface RouteFacts {
  /** @nestjs/swagger's default operation id: `Controller_method` (`Controller_method[1]` for a second path). */
  operationId: string;
  /** The status Nest answers with on success. */
  status: number;
  result?: ApiResultMetadata;
  public: boolean;
  integrations: boolean;
  /** Behind a guard that takes only an integration's key (ChannelKeyGuard), though @Public to the user guard. */
  apiKeyOnly: boolean;
}

/** Reads every route's facts from the controllers Nest mounted, the same metadata the guard reads. */
export function routeFacts(app: INestApplication): RouteFacts[] {
  const facts: RouteFacts[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T);
        facts.push({
          operationId: `${controller.name}_${name}`,
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (method === RequestMethod.POST ? 201 : 200),
          result: Reflect.getMetadata(API_RESULT_KEY, handler) as ApiResultMetadata | undefined,
          public: read<boolean>(PUBLIC_KEY) === true,
          integrations: read<boolean>(INTEGRATIONS_KEY) === true,
          apiKeyOnly: [
            ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
            ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
          ].some(
            (guard) => typeof guard === 'function' && 'apiKeyOnly' in guard && guard.apiKeyOnly === true,
          ),
        });
      }
    }
  }
  return facts;
}
