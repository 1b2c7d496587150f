import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const purchasingRoutes: Routes = [
  {
    path: '',
    title: 'Purchasing · Tradecounter',
    loadComponent: () => import('./purchase-orders-page').then((m) => m.PurchaseOrdersPage),
  },
  {
    path: 'orders/new',
    title: 'New purchase order · Tradecounter',
    canActivate: [featureGuard('newPurchaseOrder')],
    loadComponent: () => import('./purchase-order-edit-page').then((m) => m.PurchaseOrderEditPage),
  },
  {
    path: 'orders/:id/edit',
    title: 'Edit purchase order · Tradecounter',
    canActivate: [featureGuard('newPurchaseOrder')],
    loadComponent: () => import('./purchase-order-edit-page').then((m) => m.PurchaseOrderEditPage),
  },
  {
    path: 'orders/:id/receive',
    title: 'Receive · Tradecounter',
    canActivate: [featureGuard('purchaseReceiving')],
    loadComponent: () => import('./receiving-page').then((m) => m.ReceivingPage),
  },
  {
    path: 'orders/:id',
    title: 'Purchase order · Tradecounter',
    loadComponent: () => import('./purchase-order-page').then((m) => m.PurchaseOrderPage),
  },
  {
    path: 'shortfall',
    title: 'Shortfall · Tradecounter',
    canActivate: [featureGuard('shortfall')],
    loadComponent: () => import('./shortfall-page').then((m) => m.ShortfallPage),
  },
  {
    path: 'suggestions',
    title: 'Suggestions · Tradecounter',
    canActivate: [featureGuard('suggestions')],
    loadComponent: () => import('./suggestions-page').then((m) => m.SuggestionsPage),
  },
  {
    path: 'suppliers',
    title: 'Suppliers · Tradecounter',
    canActivate: [featureGuard('suppliers')],
    loadComponent: () => import('./suppliers-page').then((m) => m.SuppliersPage),
  },
];
