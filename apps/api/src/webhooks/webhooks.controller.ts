import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  CreatedWebhookSubscription,
  Page,
  WebhookDelivery,
  WebhookSubscription,
} from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { CreateWebhookDto, DeliveryQueryDto, UpdateWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiEmptyResult, ApiResult } from '../openapi/api-result';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiResult('WebhookSubscription[]')
  @ApiOperation({ summary: 'Webhook subscriptions, newest first, secrets masked' })
  list(): Promise<WebhookSubscription[]> {
    return this.webhooks.list();
  }

  @Post()
  @ApiResult('CreatedWebhookSubscription')
  @ApiCreatedResponse({ description: 'The subscription with its whole secret: the only time it is shown' })
  @ApiOperation({
    summary:
      'Subscribe a URL to order.created, order.status_changed, order.repromised, shipment.created, ' +
      'shipment.delivered. Each delivery is a POST of JSON signed `X-Signature: sha256=<hex HMAC-SHA256 of the ' +
      'raw body with the secret>`, with `X-Event-Id` (the same on retries) and `X-Event-Type`; anything but 2xx ' +
      'is retried with exponential backoff for more than a day. The URL must lead to public addresses only: ' +
      'a host that is, or resolves to, a loopback, private, link-local, CGNAT, multicast or reserved address ' +
      '(in any spelling), or does not resolve, is a 400 naming `url`, and each attempt checks again and ' +
      'connects only to the address it checked (unless the deployment sets WEBHOOK_ALLOW_PRIVATE_NETWORKS)',
  })
  create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookSubscription> {
    return this.webhooks.create(actor, body);
  }

  @Get(':id')
  @ApiResult('WebhookSubscription')
  @ApiOperation({ summary: 'One subscription, with how many deliveries are pending or failed' })
  get(@Param('id', IdPipe) id: string): Promise<WebhookSubscription> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiResult('WebhookSubscription')
  @ApiOperation({
    summary:
      'Change the URL (checked as at creation), events or secret, or disable (active: false) and enable again',
  })
  update(@Param('id', IdPipe) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookSubscription> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @ApiEmptyResult()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Disabled; its log is kept' })
  @ApiOperation({ summary: 'Disable a subscription: nothing more is sent to it' })
  disable(@Param('id', IdPipe) id: string): Promise<void> {
    return this.webhooks.disable(id);
  }

  @Get(':id/deliveries')
  @ApiResult('Page<WebhookDelivery>')
  @ApiOperation({
    summary: 'The delivery log, newest first: event, attempts, last status code and error, next attempt',
  })
  deliveries(
    @Param('id', IdPipe) id: string,
    @Query() query: DeliveryQueryDto,
  ): Promise<Page<WebhookDelivery>> {
    return this.webhooks.deliveries(id, query.status, pageRequest(query));
  }

  @Post(':id/test')
  @ApiResult('WebhookDelivery')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send a `webhook.test` event to this subscription now, signed and checked like any delivery and listed ' +
      'in its deliveries (202 with the delivery, pending); a disabled subscription is a 409',
  })
  sendTest(@Param('id', IdPipe) id: string): Promise<WebhookDelivery> {
    return this.webhooks.sendTest(id);
  }

  @Post('deliveries/:id/redeliver')
  @ApiResult('WebhookDelivery')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery’s event again (same X-Event-Id and body), as a new delivery' })
  redeliver(@Param('id') id: string): Promise<WebhookDelivery> {
    return this.webhooks.redeliver(id);
  }
}
