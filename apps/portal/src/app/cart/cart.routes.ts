import { Routes } from '@angular/router';

export const cartRoutes: Routes = [
  {
    path: '',
    title: 'Cart · Tradecounter',
    loadComponent: () => import('./cart-page').then((m) => m.CartPage),
  },
  {
    path: 'quick-order',
    title: 'Quick order · Tradecounter',
    loadComponent: () => import('./quick-order-page').then((m) => m.QuickOrderPage),
  },
  {
    path: 'checkout',
    title: 'Checkout · Tradecounter',
    loadComponent: () => import('./checkout-page').then((m) => m.CheckoutPage),
  },
];
