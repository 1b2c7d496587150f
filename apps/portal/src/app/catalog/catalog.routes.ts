import { Routes } from '@angular/router';

export const catalogRoutes: Routes = [
  {
    path: '',
    title: 'Catalog · Tradecounter',
    loadComponent: () => import('./catalog-page').then((m) => m.CatalogPage),
  },
  {
    path: ':id',
    title: 'Product · Tradecounter',
    loadComponent: () => import('./product-detail-page').then((m) => m.ProductDetailPage),
  },
];
