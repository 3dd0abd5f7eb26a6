import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { applicabilityTags, commonModules } from '../../../domain/standards.js';

/**
 * The format of the reference standards shipped in data/standards/*.json. Any jurisdiction can load them as
 * templates; `npm run demo` publishes and files them for Lucheng.
 */
const LegalBasis = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('law'),
      Type.Literal('regulation'),
      Type.Literal('standard'),
      Type.Literal('normative'),
    ]),
    title: Type.String({ minLength: 2 }),
    article: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

const MajorHazard = Type.Object(
  {
    source: Type.Union([Type.Literal('MEM-2023-10'), Type.Literal('GB-35181')]),
    article: Type.String({ minLength: 1 }),
    item: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ReferenceItem = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9]*-[0-9]{2,3}$' }),
    module: Type.String({ minLength: 1 }),
    requirement: Type.String({ minLength: 8 }),
    legalBasis: Type.Array(LegalBasis),
    checkMethod: Type.String({ minLength: 4 }),
    evidence: Type.String({ minLength: 2 }),
    isKey: Type.Boolean(),
    tags: Type.Array(Type.Union(applicabilityTags.map((t) => Type.Literal(t.code)))),
    violationTypes: Type.Array(Type.String()),
    majorHazard: Type.Union([MajorHazard, Type.Null()]),
  },
  { additionalProperties: false },
);

export const ReferenceStandard = Type.Object(
  {
    /** stable key of the template, e.g. 'footwear' */
    key: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    title: Type.String({ minLength: 4 }),
    /** code of the owning department in data/jurisdictions (e.g. 'yjj') */
    owningDepartment: Type.String(),
    /** GB/T 4754-2017 code prefixes the standard covers */
    industryScope: Type.Array(Type.String({ pattern: '^[0-9]{2,4}$' }), { minItems: 1 }),
    version: Type.Object(
      {
        number: Type.String(),
        documentNumber: Type.String(),
        publishDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
      },
      { additionalProperties: false },
    ),
    /** industry-specific ("X") modules; the five common modules are implied */
    industryModules: Type.Array(
      Type.Object(
        { code: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }), name: Type.String() },
        { additionalProperties: false },
      ),
    ),
    items: Type.Array(ReferenceItem, { minItems: 40 }),
  },
  { additionalProperties: false },
);

export type ReferenceStandard = Static<typeof ReferenceStandard>;

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/standards');

/** Read and check every reference standard; throws naming the file and the first problem. */
export function readReferenceStandards(): ReferenceStandard[] {
  return readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data: unknown = JSON.parse(readFileSync(path.join(dataDir, f), 'utf8'));
      const first = Value.Errors(ReferenceStandard, data)[0];
      if (first) throw new Error(`data/standards/${f}: ${first.instancePath} ${first.message}`);
      const standard = data as ReferenceStandard;
      const modules = new Set<string>([
        ...commonModules.map((m) => m.code),
        ...standard.industryModules.map((m) => m.code),
      ]);
      const codes = new Set<string>();
      for (const item of standard.items) {
        if (!modules.has(item.module))
          throw new Error(`data/standards/${f}: item ${item.code} has unknown module ${item.module}`);
        if (codes.has(item.code)) throw new Error(`data/standards/${f}: item code ${item.code} twice`);
        if (item.isKey && item.legalBasis.length === 0)
          throw new Error(`data/standards/${f}: key item ${item.code} has no legal basis`);
        codes.add(item.code);
      }
      for (const m of commonModules) {
        if (!standard.items.some((i) => i.module === m.code))
          throw new Error(`data/standards/${f}: no item in common module ${m.code}`);
      }
      return standard;
    });
}
