import { Routes } from '@angular/router';

export const pricingRoutes: Routes = [
  {
    path: '',
    title: 'Price tiers · Tradecounter',
    loadComponent: () => import('./price-tiers-page').then((m) => m.PriceTiersPage),
  },
  {
    path: ':id',
    title: 'Price tier · Tradecounter',
    loadComponent: () => import('./price-tier-page').then((m) => m.PriceTierPage),
  },
];
