import { Routes } from '@angular/router';

export const webhooksRoutes: Routes = [
  {
    path: '',
    title: 'Webhooks · Tradecounter',
    loadComponent: () => import('./webhooks-page').then((m) => m.WebhooksPage),
  },
  {
    path: ':id',
    title: 'Webhook deliveries · Tradecounter',
    loadComponent: () => import('./deliveries-page').then((m) => m.DeliveriesPage),
  },
];
