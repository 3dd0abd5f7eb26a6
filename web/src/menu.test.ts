import { describe, expect, it } from 'vitest';
import { allows, buildMenu, entryForPath, type Access, type MenuItemLike } from './access';
import { menuEntries } from './menu';

const none = { manageUsers: false, viewAudit: false, verifyAudit: false, manageSettings: false };
const systemAdmin: Access = {
  roles: ['system_admin'],
  abilities: { manageUsers: true, viewAudit: true, verifyAudit: true, manageSettings: true },
};
const bureauAdmin: Access = {
  roles: ['bureau_admin'],
  abilities: { ...none, viewAudit: true, manageSettings: true },
};
const enterpriseUser: Access = { roles: ['enterprise_user'], abilities: none };

/** The menu as paths: items at top level, groups as [key, ...paths]. */
function paths(access: Access, entries: readonly MenuItemLike[] = menuEntries) {
  return buildMenu(entries, access).map((n) =>
    n.type === 'item' ? n.entry.path : [n.key, ...n.children.map((c) => c.path)],
  );
}

describe('menu by abilities', () => {
  it('shows the system administrator every page, administration grouped', () => {
    expect(paths(systemAdmin)).toEqual(['/', ['system', '/admin/users', '/audit', '/settings']]);
  });

  it('shows a bureau administrator the operation log, work calendar and settings but not user management', () => {
    expect(paths(bureauAdmin)).toEqual(['/', ['system', '/audit', '/calendar', '/settings']]);
  });

  it('shows the association register to those who may view it (every bound user: the bureau, associations)', () => {
    expect(
      paths({ ...bureauAdmin, abilities: { ...bureauAdmin.abilities, viewAssociations: true } }),
    ).toEqual(['/', '/associations', ['system', '/audit', '/calendar', '/settings']]);
    expect(paths({ roles: ['association_user'], abilities: { ...none, viewAssociations: true } })).toEqual([
      '/',
      '/associations',
    ]);
  });

  it('hides an empty group: an enterprise user sees the home page and its own enterprise', () => {
    expect(paths(enterpriseUser)).toEqual(['/', '/my-enterprise', '/commitment']);
    expect(paths({ ...enterpriseUser, abilities: { ...none, viewDocuments: true } })).toEqual([
      '/',
      '/my-enterprise',
      '/commitment',
      '/documents',
    ]);
  });

  it('groups the register for those who see it, import only for those who may import', () => {
    const officer: Access = {
      roles: ['department_officer'],
      abilities: { ...none, viewRegister: true, viewDocuments: true },
    };
    expect(paths(officer)).toEqual(['/', ['registry', '/enterprises', '/parks'], '/documents']);
    const registrar: Access = {
      roles: ['subdistrict_officer'],
      abilities: { ...none, viewRegister: true, importEnterprises: true, createEnterprise: true },
    };
    expect(paths(registrar)).toEqual(['/', ['registry', '/enterprises', '/enterprises/import', '/parks']]);
  });

  it('gathers inspections, campaigns, letters and 不放心企业 under 执法与合规建议, each behind its ability', () => {
    const officer: Access = {
      roles: ['enforcement_officer'],
      abilities: {
        ...none,
        viewInspections: true,
        viewEnforcementInspections: true,
        recordEnforcementInspections: true,
        viewCampaigns: true,
        proposeCampaigns: true,
        viewAdviceLetters: true,
        viewFocusEnterprises: true,
      },
    };
    expect(paths(officer)).toEqual([
      '/',
      '/inspections',
      [
        'enforcement',
        '/enforcement/inspections',
        '/enforcement/inspections/new',
        '/advice/campaigns',
        '/advice/letters',
        '/enforcement/focus',
      ],
    ]);
    const bureau: Access = {
      roles: ['bureau_admin'],
      abilities: {
        ...none,
        viewCampaigns: true,
        approveCampaigns: true,
        viewAdviceLetters: true,
        viewFocusEnterprises: true,
      },
    };
    expect(paths(bureau)).toEqual([
      '/',
      ['enforcement', '/advice/campaigns', '/advice/letters', '/enforcement/focus'],
      ['system', '/calendar'],
    ]);
    // an enterprise: its inspections and its letters (the inbox), no campaigns, no recording
    const enterprise: Access = {
      roles: ['enterprise_user'],
      abilities: {
        ...none,
        viewInspections: true,
        viewEnforcementInspections: true,
        viewAdviceLetters: true,
      },
    };
    expect(paths(enterprise)).toEqual([
      '/',
      '/my-enterprise',
      '/commitment',
      '/inspections',
      ['enforcement', '/enforcement/inspections', '/advice/letters'],
    ]);
  });

  it('treats a missing ability as not granted', () => {
    expect(paths({ roles: ['system_admin'], abilities: {} })).toEqual(['/']);
  });
});

describe('requirements', () => {
  const entries: MenuItemLike[] = [
    { key: 'a', path: '/a' },
    { key: 'b', path: '/b', requires: { anyRole: ['enterprise_user', 'agency_user'] } },
    { key: 'c', path: '/c', requires: { ability: 'viewAudit', anyRole: ['bureau_admin'] }, group: 'g' },
    { key: 'd', path: '/d', group: 'g' },
    { key: 'e', path: '/e/:id', hidden: true },
  ];

  it('needs one of the roles for anyRole, and both parts when both are given', () => {
    expect(allows({ anyRole: ['enterprise_user'] }, enterpriseUser)).toBe(true);
    expect(allows({ anyRole: ['expert'] }, enterpriseUser)).toBe(false);
    expect(allows({ ability: 'viewAudit', anyRole: ['bureau_admin'] }, bureauAdmin)).toBe(true);
    expect(allows({ ability: 'viewAudit', anyRole: ['bureau_admin'] }, systemAdmin)).toBe(false);
    expect(allows(undefined, enterpriseUser)).toBe(true);
  });

  it('keeps declaration order, gathers a group where its first entry stands, leaves hidden routes out', () => {
    expect(paths(enterpriseUser, entries)).toEqual(['/a', '/b', ['g', '/d']]);
    expect(paths(bureauAdmin, entries)).toEqual(['/a', ['g', '/c', '/d']]);
  });
});

describe('entryForPath', () => {
  it('selects the longest matching path, home only for "/" itself', () => {
    expect(entryForPath(menuEntries, '/')?.key).toBe('home');
    expect(entryForPath(menuEntries, '/admin/users')?.key).toBe('users');
    expect(entryForPath(menuEntries, '/admin/users/123')?.key).toBe('users');
    expect(entryForPath(menuEntries, '/enterprises/import')?.key).toBe('enterprise-import');
    expect(entryForPath(menuEntries, '/enterprises/0190c0de-0000-7000-8000-000000000001')?.key).toBe(
      'enterprises',
    );
    expect(entryForPath(menuEntries, '/enforcement/inspections/new')?.key).toBe('enforcement-inspection-new');
    expect(
      entryForPath(menuEntries, '/enforcement/inspections/0190c0de-0000-7000-8000-000000000001')?.key,
    ).toBe('enforcement-inspections');
    expect(entryForPath(menuEntries, '/advice/campaigns/0190c0de-0000-7000-8000-000000000001')?.key).toBe(
      'advice-campaigns',
    );
    expect(entryForPath(menuEntries, '/advice/letters/0190c0de-0000-7000-8000-000000000001')?.key).toBe(
      'advice-letters',
    );
    expect(entryForPath(menuEntries, '/enforcement/focus')?.key).toBe('enforcement-focus');
    expect(entryForPath(menuEntries, '/audit-extra')).toBeUndefined();
    expect(entryForPath(menuEntries, '/account/password')).toBeUndefined();
  });
});

describe('menu entries', () => {
  it('give the routes notifications link to (/advice/letters/<id>, /advice/campaigns/<id>)', () => {
    const byPath = new Map(menuEntries.map((e) => [e.path, e]));
    expect(byPath.get('/advice/letters/:id')?.requires).toEqual({ ability: 'viewAdviceLetters' });
    expect(byPath.get('/advice/campaigns/:id')?.requires).toEqual({ ability: 'viewCampaigns' });
    expect(byPath.get('/advice/campaigns/new')?.requires).toEqual({ ability: 'proposeCampaigns' });
    expect(byPath.get('/enforcement/inspections/:id')?.requires).toEqual({
      ability: 'viewEnforcementInspections',
    });
    expect(byPath.get('/enforcement/inspections/new')?.requires).toEqual({
      ability: 'recordEnforcementInspections',
    });
  });

  it('have unique keys and paths', () => {
    expect(new Set(menuEntries.map((e) => e.key)).size).toBe(menuEntries.length);
    expect(new Set(menuEntries.map((e) => e.path)).size).toBe(menuEntries.length);
  });
});
