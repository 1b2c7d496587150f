import { Routes } from '@angular/router';

export const inventoryRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'stock' },
  {
    path: 'stock',
    title: 'Stock · Tradecounter',
    loadComponent: () => import('./stock-page').then((m) => m.StockPage),
  },
  {
    path: 'inbound',
    title: 'Inbound · Tradecounter',
    loadComponent: () => import('./inbound-page').then((m) => m.InboundPage),
  },
];
