import { CUSTOMER_ROLES, INTERNAL_ROLES, ROLES, type Role } from './auth';

/** A page of the portal: where it lives, who may use it, and the API route it is built on. */
export interface PortalFeature {
  /** The portal path of its page. */
  path: string;
  /** Who may open it: the portal's route guard and navigation both read this. */
  roles: readonly Role[];
  /**
   * The API route the page is built on, as `METHOD /api/path` with Nest's
   * `:param` names. The API's spec (portal-features.spec.ts) checks that its
   * @Roles admit every role here, and equal them unless it names the reason.
   */
  api: string;
}

const ORDER_READERS = ['buyer', 'approver', 'account_manager', 'manager', 'admin'] as const;
const STAFF_REPORTS = ['account_manager', 'manager', 'admin'] as const;
const WAREHOUSE_WORK = ['warehouse', 'admin'] as const;
/** Purchasing: the warehouse and admins buy; managers read. */
const PURCHASING_READERS = ['warehouse', 'manager', 'admin'] as const;

/** The one table of who may use which page; app.routes.ts, the navigation and the work counts read it. */
export const PORTAL_FEATURES = {
  home: { path: '/home', roles: CUSTOMER_ROLES, api: 'GET /api/me/buy-again' },
  catalog: { path: '/catalog', roles: ROLES, api: 'GET /api/products' },
  cart: { path: '/cart', roles: CUSTOMER_ROLES, api: 'GET /api/cart' },
  orders: { path: '/orders', roles: ORDER_READERS, api: 'GET /api/orders' },
  openLines: { path: '/orders/open-lines', roles: CUSTOMER_ROLES, api: 'GET /api/orders/open-lines' },
  templates: { path: '/templates', roles: CUSTOMER_ROLES, api: 'GET /api/templates' },
  // Managers read every account's; the others also make and change them.
  standingOrders: {
    path: '/standing-orders',
    roles: ['buyer', 'approver', 'account_manager', 'manager', 'admin'],
    api: 'GET /api/standing-orders',
  },
  newStandingOrder: {
    path: '/standing-orders/new',
    roles: ['buyer', 'approver', 'account_manager', 'admin'],
    api: 'POST /api/standing-orders',
  },
  approvals: {
    path: '/orders/approvals',
    roles: ['approver', 'admin'],
    api: 'POST /api/orders/:id/approve',
  },
  creditHolds: { path: '/orders/holds', roles: STAFF_REPORTS, api: 'GET /api/orders' },
  phoneOrder: { path: '/orders/new', roles: ['account_manager', 'admin'], api: 'POST /api/orders' },
  myAccount: { path: '/account', roles: CUSTOMER_ROLES, api: 'GET /api/accounts/:id' },
  accounts: { path: '/accounts', roles: INTERNAL_ROLES, api: 'GET /api/accounts' },
  priceTiers: { path: '/price-tiers', roles: STAFF_REPORTS, api: 'GET /api/price-tiers' },
  fulfilment: { path: '/fulfilment', roles: WAREHOUSE_WORK, api: 'GET /api/fulfilment/queues' },
  waves: { path: '/fulfilment/waves', roles: WAREHOUSE_WORK, api: 'GET /api/fulfilment/waves' },
  // Managers read where the fast movers sit; the warehouse moves them.
  slotting: {
    path: '/fulfilment/slotting',
    roles: ['warehouse', 'admin', 'manager'],
    api: 'GET /api/fulfilment/slotting',
  },
  stock: {
    path: '/inventory/stock',
    roles: WAREHOUSE_WORK,
    api: 'PUT /api/stock/:productId/:warehouseCode',
  },
  inbound: { path: '/inventory/inbound', roles: WAREHOUSE_WORK, api: 'POST /api/inbound' },
  warehouses: { path: '/warehouses', roles: WAREHOUSE_WORK, api: 'GET /api/warehouses' },
  holidays: { path: '/calendar', roles: WAREHOUSE_WORK, api: 'GET /api/calendar/holidays' },
  carrierTracking: {
    path: '/warehouses/carriers',
    roles: ['admin'],
    api: 'PUT /api/carrier-tracking/:carrier',
  },
  purchasing: { path: '/purchasing', roles: PURCHASING_READERS, api: 'GET /api/purchase-orders' },
  newPurchaseOrder: {
    path: '/purchasing/orders/new',
    roles: WAREHOUSE_WORK,
    api: 'POST /api/purchase-orders',
  },
  purchaseReceiving: {
    path: '/purchasing/orders/:id/receive',
    roles: WAREHOUSE_WORK,
    api: 'POST /api/purchase-orders/:id/receipts',
  },
  shortfall: {
    path: '/purchasing/shortfall',
    roles: WAREHOUSE_WORK,
    api: 'GET /api/purchasing/shortfall',
  },
  suggestions: {
    path: '/purchasing/suggestions',
    roles: PURCHASING_READERS,
    api: 'GET /api/purchasing/suggestions',
  },
  suppliers: { path: '/purchasing/suppliers', roles: PURCHASING_READERS, api: 'GET /api/suppliers' },
  dashboard: { path: '/reports/dashboard', roles: ['manager', 'admin'], api: 'GET /api/reports/backlog' },
  myAccountsDashboard: {
    path: '/reports/my-accounts',
    roles: ['account_manager'],
    api: 'GET /api/reports/backlog',
  },
  sales: { path: '/reports', roles: STAFF_REPORTS, api: 'GET /api/reports/sales' },
  spend: { path: '/reports/spend', roles: CUSTOMER_ROLES, api: 'GET /api/reports/sales' },
  users: { path: '/admin/users', roles: ['admin'], api: 'POST /api/users' },
  channels: { path: '/channels', roles: ['admin'], api: 'GET /api/channels' },
  webhooks: { path: '/admin/webhooks', roles: ['admin'], api: 'GET /api/webhooks' },
  quotes: { path: '/quotes', roles: ORDER_READERS, api: 'GET /api/quotes' },
  quoteRequest: { path: '/quotes/new', roles: ['account_manager'], api: 'POST /api/quotes' },
  quoting: {
    path: '/quotes/:id/quote',
    roles: ['account_manager', 'admin'],
    api: 'POST /api/quotes/:id/quote',
  },
  quoteAccept: {
    path: '/quotes/:id/accept',
    roles: ['buyer', 'approver'],
    api: 'POST /api/quotes/:id/accept',
  },
  // Customer users see their account's returns; staff see the queue (account managers their accounts').
  returns: {
    path: '/returns',
    roles: ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'],
    api: 'GET /api/returns',
  },
  returnReceiving: {
    path: '/returns/:id/receive',
    roles: WAREHOUSE_WORK,
    api: 'POST /api/returns/:id/receive',
  },
  creditNotes: { path: '/credit-notes', roles: ORDER_READERS, api: 'GET /api/credit-notes' },
  returnSettings: { path: '/admin/returns', roles: ['admin'], api: 'PUT /api/return-settings' },
  companySettings: { path: '/admin/company', roles: ['admin'], api: 'PUT /api/settings/company' },
  imports: { path: '/imports', roles: ['admin'], api: 'POST /api/imports/:kind' },
  // Account managers read their accounts' changes on the account pages.
  audit: { path: '/audit', roles: ['manager', 'admin'], api: 'GET /api/audit' },
} as const satisfies Record<string, PortalFeature>;

export type PortalFeatureName = keyof typeof PORTAL_FEATURES;

export function featureRoles(name: PortalFeatureName): readonly Role[] {
  return PORTAL_FEATURES[name].roles;
}

export function canUseFeature(role: Role, name: PortalFeatureName): boolean {
  return featureRoles(name).includes(role);
}

/** Every role that may use at least one of the features (a parent route of several pages). */
export function rolesOfAny(...names: PortalFeatureName[]): Role[] {
  return ROLES.filter((role) => names.some((name) => canUseFeature(role, name)));
}

/** Where each role lands after signing in: its work. */
export const LANDING_FEATURE = {
  buyer: 'home',
  approver: 'approvals',
  account_manager: 'myAccountsDashboard',
  warehouse: 'fulfilment',
  manager: 'dashboard',
  admin: 'users',
} as const satisfies Record<Role, PortalFeatureName>;

export function landingPath(role: Role): string {
  return PORTAL_FEATURES[LANDING_FEATURE[role]].path;
}
