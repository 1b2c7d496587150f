import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const quotesRoutes: Routes = [
  {
    path: '',
    title: 'Quotes · Tradecounter',
    loadComponent: () => import('./quotes-page').then((m) => m.QuotesPage),
  },
  {
    path: 'new',
    title: 'New quote request · Tradecounter',
    canActivate: [featureGuard('quoteRequest')],
    loadComponent: () => import('./new-quote-request-page').then((m) => m.NewQuoteRequestPage),
  },
  {
    path: ':id/quote',
    title: 'Quote prices · Tradecounter',
    canActivate: [featureGuard('quoting')],
    loadComponent: () => import('./quoting-page').then((m) => m.QuotingPage),
  },
  {
    path: ':id/accept',
    title: 'Accept quote · Tradecounter',
    canActivate: [featureGuard('quoteAccept')],
    loadComponent: () => import('./accept-quote-page').then((m) => m.AcceptQuotePage),
  },
  {
    path: ':id',
    title: 'Quote · Tradecounter',
    loadComponent: () => import('./quote-detail-page').then((m) => m.QuoteDetailPage),
  },
];
