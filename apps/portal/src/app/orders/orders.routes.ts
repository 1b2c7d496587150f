import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';
import type { OrderListMode } from './orders-page';

export const ordersRoutes: Routes = [
  {
    path: '',
    title: 'Orders · Tradecounter',
    canActivate: [featureGuard('orders')],
    data: { mode: 'history' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'approvals',
    title: 'Approvals · Tradecounter',
    canActivate: [featureGuard('approvals')],
    data: { mode: 'approvals' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'holds',
    title: 'Credit holds · Tradecounter',
    canActivate: [featureGuard('creditHolds')],
    data: { mode: 'holds' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'open-lines',
    title: 'Open lines · Tradecounter',
    canActivate: [featureGuard('openLines')],
    loadComponent: () => import('./open-lines-page').then((m) => m.OpenLinesPage),
  },
  {
    path: 'new',
    title: 'New order for an account · Tradecounter',
    canActivate: [featureGuard('phoneOrder')],
    loadComponent: () => import('./phone-order-page').then((m) => m.PhoneOrderPage),
  },
  {
    path: ':id/placed',
    title: 'Order placed · Tradecounter',
    loadComponent: () => import('./order-confirmation-page').then((m) => m.OrderConfirmationPage),
  },
  {
    path: ':id',
    title: 'Order · Tradecounter',
    loadComponent: () => import('./order-detail-page').then((m) => m.OrderDetailPage),
  },
];
