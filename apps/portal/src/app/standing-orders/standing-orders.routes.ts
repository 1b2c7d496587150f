import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const standingOrdersRoutes: Routes = [
  {
    path: '',
    title: 'Standing orders · Tradecounter',
    loadComponent: () => import('./standing-orders-page').then((m) => m.StandingOrdersPage),
  },
  {
    path: 'new',
    title: 'New standing order · Tradecounter',
    canActivate: [featureGuard('newStandingOrder')],
    loadComponent: () => import('./standing-order-form-page').then((m) => m.StandingOrderFormPage),
  },
  {
    path: ':id/edit',
    title: 'Edit standing order · Tradecounter',
    canActivate: [featureGuard('newStandingOrder')],
    loadComponent: () => import('./standing-order-form-page').then((m) => m.StandingOrderFormPage),
  },
  {
    path: ':id',
    title: 'Standing order · Tradecounter',
    loadComponent: () => import('./standing-order-page').then((m) => m.StandingOrderPage),
  },
];
