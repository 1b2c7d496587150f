import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreatedWebhookSubscription,
  CreateWebhookRequest,
  Page,
  UpdateWebhookRequest,
  WebhookDelivery,
  WebhookSubscription,
} from '@tradecounter/contracts';
import { map, Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);

  list(): Observable<WebhookSubscription[]> {
    return this.http.get<WebhookSubscription[]>('/api/webhooks');
  }

  get(id: string): Observable<WebhookSubscription> {
    return this.http.get<WebhookSubscription>(`/api/webhooks/${encodeURIComponent(id)}`);
  }

  create(body: CreateWebhookRequest): Observable<CreatedWebhookSubscription> {
    return this.http.post<CreatedWebhookSubscription>('/api/webhooks', body);
  }

  update(id: string, body: UpdateWebhookRequest): Observable<WebhookSubscription> {
    return this.http.patch<WebhookSubscription>(`/api/webhooks/${encodeURIComponent(id)}`, body);
  }

  deliveries(id: string, page: number, pageSize = 25): Observable<Page<WebhookDelivery>> {
    return this.http.get<Page<WebhookDelivery>>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`, {
      params: { page, pageSize },
    });
  }

  /** Queues a `webhook.test` event to this subscription (202 with the pending delivery). */
  sendTest(id: string): Observable<WebhookDelivery> {
    return this.http.post<WebhookDelivery>(`/api/webhooks/${encodeURIComponent(id)}/test`, null);
  }

  /** One delivery, read from the first page of the log (a test event is the newest). */
  delivery(subscriptionId: string, deliveryId: string): Observable<WebhookDelivery | undefined> {
    return this.deliveries(subscriptionId, 1).pipe(
      map((page) => page.items.find((d) => d.id === deliveryId)),
    );
  }

  redeliver(deliveryId: string): Observable<WebhookDelivery> {
    return this.http.post<WebhookDelivery>(
      `/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      null,
    );
  }
}
