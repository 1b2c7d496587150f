import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER, completeDocument } from './openapi/complete-document';
import { CONTRACT_SCHEMAS } from './openapi/contract-schemas.generated';
import { routeFacts } from './openapi/route-facts';

/**
 * The document: @nestjs/swagger's reading of the routes and request DTOs, completed with each response's
 * contract schema, the problem+json errors and each route's security (see openapi/complete-document.ts).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tradecounter API')
    .setDescription(
      'B2B ordering portal. Money is a decimal string ("1234.50"); errors are application/problem+json; ' +
        'lists take ?page and ?pageSize (at most 100). Integrations call the routes that allow them with ' +
        'their key in X-Api-Key; everyone else signs in for a bearer token. A typed client: docs/api-clients.md.',
    )
    .setVersion('0.1.0')
    .addBearerAuth(undefined, BEARER)
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config), routeFacts(app), CONTRACT_SCHEMAS);
}

/** The OpenAPI document at /api/docs-json and its UI at /api/docs, built when first asked for (not at every start). */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}
