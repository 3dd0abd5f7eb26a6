import { Type } from 'typebox';
import { defineEventKind } from '../../platform/audit/event-kinds.js';

const Any = Type.Record(Type.String(), Type.Unknown());

export const standardEvents = {
  standardCreated: defineEventKind(
    'standard.created',
    Type.Object({
      title: Type.String(),
      industryScope: Type.Array(Type.String()),
      templateKey: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  versionDrafted: defineEventKind(
    'standard_version.drafted',
    Type.Object({
      number: Type.String(),
      basedOnVersionId: Type.Union([Type.String(), Type.Null()]),
      items: Type.Number(),
    }),
  ),
  versionPublished: defineEventKind(
    'standard_version.published',
    Type.Object({
      number: Type.String(),
      documentNumber: Type.String(),
      publishDate: Type.String(),
      items: Type.Number(),
      keyItems: Type.Number(),
    }),
  ),
  versionFiled: defineEventKind('standard_version.filed', Type.Object({ number: Type.String() })),
  versionSuperseded: defineEventKind(
    'standard_version.superseded',
    Type.Object({ byVersionId: Type.String() }),
  ),
  itemAdded: defineEventKind('standard_item.added', Any),
  itemChanged: defineEventKind('standard_item.changed', Any),
  itemRemoved: defineEventKind('standard_item.removed', Any),
  itemsReordered: defineEventKind(
    'standard_items.reordered',
    Type.Object({ codes: Type.Array(Type.String()) }),
  ),
  itemsImported: defineEventKind(
    'standard_items.imported',
    Type.Object({ added: Type.Number(), changed: Type.Number(), removed: Type.Number() }),
  ),
  applicabilityDeclared: defineEventKind(
    'enterprise.applicability_declared',
    Type.Object({ tags: Type.Array(Type.String()) }),
  ),
};
