import { describe, expect, it } from 'vitest';
import type { Standard } from '../standards/standards-logic';
import {
  adoptableVersions,
  chosenInOrder,
  groupItems,
  moduleSelection,
  ownAssociations,
  toggleAll,
  toggleOne,
} from './association-logic';

const version = (id: string, status: string, number = '1.0') => ({
  id,
  status,
  number,
  createdAt: '2026-01-01',
});
const standard = (title: string, versions: ReturnType<typeof version>[]) =>
  ({ title, versions }) as unknown as Standard;

describe('adoptable versions', () => {
  it('offers only published and filed versions, filed first', () => {
    const list = adoptableVersions([
      standard('鞋革制造', [
        version('d', 'draft', '2.0'),
        version('p', 'published', '1.1'),
        version('f', 'filed'),
      ]),
      standard('小微园区', [version('s', 'superseded'), version('m', 'published')]),
    ]);
    expect(list.map((v) => v.versionId)).toEqual(['m', 'f', 'p']);
    expect(list[1]).toEqual({ versionId: 'f', standardTitle: '鞋革制造', number: '1.0', status: 'filed' });
  });
});

describe('own associations', () => {
  it('takes the association_user bindings, once each', () => {
    expect(
      ownAssociations([
        { role: 'association_user', unitId: 'a', unitName: '鞋业协会' },
        { role: 'expert', unitId: 'j', unitName: '鹿城区' },
        { role: 'association_user', unitId: 'a', unitName: '鞋业协会' },
      ]),
    ).toEqual([{ id: 'a', name: '鞋业协会' }]);
  });
});

describe('items by module and the per-module selection', () => {
  const modules = [
    { code: 'responsibility', name: 'responsibility', common: true },
    { code: 'training', name: 'training', common: true },
    { code: 'x-glue', name: '胶粘剂', common: false },
  ];
  const items = [
    { code: 'A1', module: 'responsibility' },
    { code: 'X1', module: 'x-glue' },
    { code: 'A2', module: 'responsibility' },
    { code: 'Q1', module: 'gone' },
  ];

  it('groups in module order, keeps item order, leaves empty modules out and unknown ones last', () => {
    expect(groupItems(items, modules).map((g) => [g.module.code, g.items.map((i) => i.code)])).toEqual([
      ['responsibility', ['A1', 'A2']],
      ['x-glue', ['X1']],
      ['gone', ['Q1']],
    ]);
  });

  it('checks a module when all its items are chosen, half-checks it when some are', () => {
    expect(moduleSelection(['A1', 'A2'], new Set(['A1']))).toEqual({
      chosen: 1,
      checked: false,
      indeterminate: true,
    });
    expect(moduleSelection(['A1', 'A2'], new Set(['A1', 'A2']))).toEqual({
      chosen: 2,
      checked: true,
      indeterminate: false,
    });
    expect(moduleSelection([], new Set())).toEqual({ chosen: 0, checked: false, indeterminate: false });
  });

  it('selects and clears a whole module without touching the others', () => {
    const some = new Set(['X1']);
    expect([...toggleAll(some, ['A1', 'A2'], true)].sort()).toEqual(['A1', 'A2', 'X1']);
    expect([...toggleAll(new Set(['A1', 'A2', 'X1']), ['A1', 'A2'], false)]).toEqual(['X1']);
    expect([...toggleOne(some, 'X1', false)]).toEqual([]);
    expect(some).toEqual(new Set(['X1']));
  });

  it('sends the chosen codes in the version’s order', () => {
    expect(chosenInOrder(items, new Set(['Q1', 'A2', 'A1']))).toEqual(['A1', 'A2', 'Q1']);
  });
});
