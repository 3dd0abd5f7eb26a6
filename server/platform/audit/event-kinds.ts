import { Type, type Static, type TSchema } from 'typebox';

/**
 * Every kind of event the platform writes, with the schema of its `after` payload. Modules add theirs with
 * `defineEventKind` from their own folder; appending an unknown kind or a payload that does not match fails.
 */
const registry = new Map<string, TSchema>();

export function defineEventKind<S extends TSchema>(kind: string, schema: S): EventKind<Static<S>> {
  if (registry.has(kind)) throw new Error(`event kind ${kind} defined twice`);
  registry.set(kind, schema);
  const eventKind: EventKind<Static<S>> = { kind };
  return eventKind;
}

export interface EventKind<T> {
  kind: string;
  /** phantom, for typing payloads */
  readonly __payload?: T;
}

export function eventSchema(kind: string): TSchema | undefined {
  return registry.get(kind);
}

export function eventKindNames(): string[] {
  return [...registry.keys()].sort();
}

const Anything = Type.Record(Type.String(), Type.Unknown());

export const platformEvents = {
  jurisdictionSeeded: defineEventKind('jurisdiction.seeded', Type.Object({ code: Type.String(), units: Type.Number() })),
  settingChanged: defineEventKind(
    'setting.changed',
    Type.Object({ key: Type.String(), value: Type.Unknown(), reason: Type.Optional(Type.String()) }),
  ),
  jobFailed: defineEventKind('job.failed', Type.Object({ kind: Type.String(), error: Type.String() })),
  generic: defineEventKind('test.generic', Anything),
};
