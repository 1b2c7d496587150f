import { Routes } from '@angular/router';
import { CUSTOMER_ROLES } from '@tradecounter/contracts';
import { roleGuard } from '../auth/auth.guards';
import type { OrderListMode } from './orders-page';

export const ordersRoutes: Routes = [
  {
    path: '',
    title: 'Orders · Tradecounter',
    data: { mode: 'history' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'approvals',
    title: 'Approvals · Tradecounter',
    canActivate: [roleGuard(['approver', 'admin'])],
    data: { mode: 'approvals' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'holds',
    title: 'Credit holds · Tradecounter',
    canActivate: [roleGuard(['account_manager', 'manager', 'admin'])],
    data: { mode: 'holds' satisfies OrderListMode },
    loadComponent: () => import('./orders-page').then((m) => m.OrdersPage),
  },
  {
    path: 'open-lines',
    title: 'Open lines · Tradecounter',
    canActivate: [roleGuard(CUSTOMER_ROLES)],
    loadComponent: () => import('./open-lines-page').then((m) => m.OpenLinesPage),
  },
  {
    path: 'new',
    title: 'New order for an account · Tradecounter',
    canActivate: [roleGuard(['account_manager', 'admin'])],
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
