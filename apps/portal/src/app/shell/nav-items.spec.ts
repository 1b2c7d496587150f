import { canUseFeature, landingPath, PORTAL_FEATURES, ROLES } from '@tradecounter/contracts';
import { NAV_ITEMS, navItemsFor } from './nav-items';

describe('navItemsFor: reports', () => {
  const reportLinks = (role: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(role)
      .filter((item) => item.path.startsWith('/reports'))
      .map((item) => `${item.label} ${item.path}`);

  it('gives managers and admins the dashboard and sales', () => {
    expect(reportLinks('manager')).toEqual(['Dashboard /reports/dashboard', 'Sales /reports']);
    expect(reportLinks('admin')).toEqual(['Dashboard /reports/dashboard', 'Sales /reports']);
  });

  it('gives account managers their own dashboard and sales', () => {
    expect(reportLinks('account_manager')).toEqual(['Dashboard /reports/my-accounts', 'Sales /reports']);
  });

  it('gives customers their spend, and the warehouse no reports', () => {
    expect(reportLinks('buyer')).toEqual(['Spend /reports/spend']);
    expect(reportLinks('approver')).toEqual(['Spend /reports/spend']);
    expect(reportLinks('warehouse')).toEqual([]);
  });

  it('has no two entries for the same path', () => {
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'] as const) {
      const paths = navItemsFor(role).map((item) => item.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
  });
});

describe('navItemsFor: channels', () => {
  it('links admins, and only admins, to the channels (integration keys) at /channels', () => {
    expect(navItemsFor('admin').filter((item) => item.path === '/channels')).toEqual([
      expect.objectContaining({ label: 'Channels' }),
    ]);
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse', 'manager'] as const) {
      expect(navItemsFor(role).some((item) => item.path === '/channels')).toBe(false);
    }
  });
});

describe('navItemsFor: one table with the routes', () => {
  it('shows an entry exactly to the roles PORTAL_FEATURES gives its page, at the page’s path', () => {
    for (const item of NAV_ITEMS) {
      const feature = PORTAL_FEATURES[item.feature];
      expect(item.path).toBe(feature.path);
      for (const role of ROLES) {
        expect({ item: item.label, role, shown: navItemsFor(role).includes(item) }).toEqual({
          item: item.label,
          role,
          shown: canUseFeature(role, item.feature),
        });
      }
    }
  });

  it('links every role to the page it lands on', () => {
    for (const role of ROLES) {
      expect(navItemsFor(role).map((item) => item.path)).toContain(landingPath(role));
    }
    expect(landingPath('buyer')).toBe('/home');
    expect(landingPath('approver')).toBe('/orders/approvals');
    expect(landingPath('account_manager')).toBe('/reports/my-accounts');
    expect(landingPath('warehouse')).toBe('/fulfilment');
    expect(landingPath('manager')).toBe('/reports/dashboard');
    expect(landingPath('admin')).toBe('/admin/users');
  });

  it('counts the work waiting on approvals, credit holds and the fulfilment board', () => {
    const counted = NAV_ITEMS.filter((item) => item.count).map((item) => [item.path, item.count]);
    expect(counted).toEqual([
      ['/orders/approvals', 'approvals'],
      ['/orders/holds', 'creditHolds'],
      ['/fulfilment', 'fulfilmentQueue'],
    ]);
  });
});

describe('navItemsFor: admin settings', () => {
  it('links admins, and only admins, to the return settings and the letterhead', () => {
    const settings = (role: Parameters<typeof navItemsFor>[0]) =>
      navItemsFor(role)
        .filter((item) => item.path === '/admin/returns' || item.path === '/admin/company')
        .map((item) => `${item.label} ${item.path}`);
    expect(settings('admin')).toEqual([
      'Return settings /admin/returns',
      'Company letterhead /admin/company',
    ]);
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse', 'manager'] as const) {
      expect(settings(role)).toEqual([]);
    }
  });
});

describe('navItemsFor: returns and credit notes', () => {
  const links = (role: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(role)
      .filter((item) => item.path === '/returns' || item.path === '/credit-notes')
      .map((item) => item.label);

  it('gives customers and account managers both, the warehouse the returns queue only', () => {
    expect(links('buyer')).toEqual(['Returns', 'Credit notes']);
    expect(links('approver')).toEqual(['Returns', 'Credit notes']);
    expect(links('account_manager')).toEqual(['Returns', 'Credit notes']);
    expect(links('warehouse')).toEqual(['Returns']);
  });
});

describe('navItemsFor: imports and the audit trail', () => {
  const links = (role: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(role)
      .filter((item) => item.path === '/imports' || item.path === '/audit')
      .map((item) => `${item.label} ${item.path}`);

  it('gives admins Import / Export and the audit trail, managers the audit trail only', () => {
    expect(links('admin')).toEqual(['Import / Export /imports', 'Audit trail /audit']);
    expect(links('manager')).toEqual(['Audit trail /audit']);
  });

  it('gives the other roles neither (account managers read their accounts’ history on the account)', () => {
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse'] as const) {
      expect(links(role)).toEqual([]);
    }
  });
});
