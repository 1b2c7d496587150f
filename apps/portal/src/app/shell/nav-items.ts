import {
  canUseFeature,
  PORTAL_FEATURES,
  type PortalFeatureName,
  type Role,
  type WorkCounts,
} from '@tradecounter/contracts';

/** A count of work waiting, from GET /api/me/work-counts, shown beside an entry. */
export type WorkCount = Exclude<keyof WorkCounts, 'unreadNotifications' | 'cartLines'>;

export interface NavItem {
  label: string;
  /** Its page, and who may open it, in PORTAL_FEATURES (the route guards read the same). */
  feature: PortalFeatureName;
  path: string;
  icon: string;
  /** Active only on this exact path (a parent of other items' paths). */
  exact?: boolean;
  /** The work waiting there, shown as a count. */
  count?: WorkCount;
}

function item(feature: PortalFeatureName, label: string, icon: string, more: Partial<NavItem> = {}): NavItem {
  return { feature, label, icon, path: PORTAL_FEATURES[feature].path, ...more };
}

/** Only pages that exist are linked; who sees an entry is who may open its page. */
export const NAV_ITEMS: readonly NavItem[] = [
  item('home', 'Home', 'home'),
  item('catalog', 'Catalog', 'catalog'),
  item('cart', 'Cart', 'shopping_cart'),
  item('orders', 'Orders', 'receipt', { exact: true }),
  item('openLines', 'Open lines', 'schedule'),
  item('templates', 'Templates', 'bookmark'),
  item('quotes', 'Quotes', 'request_quote', { exact: true }),
  item('returns', 'Returns', 'undo', { exact: true }),
  item('creditNotes', 'Credit notes', 'receipt_long'),
  item('standingOrders', 'Standing orders', 'event'),
  item('approvals', 'Approvals', 'approval', { count: 'approvals' }),
  item('creditHolds', 'Credit holds', 'pending', { count: 'creditHolds' }),
  item('phoneOrder', 'New phone order', 'phone'),
  item('myAccount', 'My account', 'business'),
  item('accounts', 'Accounts', 'business'),
  item('priceTiers', 'Price tiers', 'sell'),
  item('fulfilment', 'Fulfilment', 'local_shipping', { count: 'fulfilmentQueue', exact: true }),
  item('waves', 'Waves', 'done_all'),
  item('slotting', 'Slotting', 'bar_chart'),
  item('stock', 'Stock', 'inventory'),
  item('inbound', 'Inbound', 'move_to_inbox'),
  item('purchasing', 'Purchasing', 'factory'),
  item('warehouses', 'Warehouses', 'warehouse', { exact: true }),
  item('holidays', 'Holidays', 'event'),
  item('carrierTracking', 'Carrier tracking', 'local_shipping'),
  item('dashboard', 'Dashboard', 'dashboard'),
  item('myAccountsDashboard', 'Dashboard', 'dashboard'),
  item('sales', 'Sales', 'bar_chart', { exact: true }),
  item('spend', 'Spend', 'wallet'),
  item('users', 'Users', 'group'),
  item('channels', 'Channels', 'vpn_key'),
  item('webhooks', 'Webhooks', 'webhook'),
  item('returnSettings', 'Return settings', 'tune'),
  item('companySettings', 'Company letterhead', 'domain'),
  item('imports', 'Import / Export', 'import_export'),
  item('audit', 'Audit trail', 'history'),
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((entry) => canUseFeature(role, entry.feature));
}
