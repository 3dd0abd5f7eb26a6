import type { Db } from '../db/client.js';
import type { EventActor } from './append.js';

export interface AppendedEvent {
  id: string;
  kind: string;
  jurisdictionId: string;
  actor: EventActor;
  entityType: string;
  entityId: string;
  after: unknown;
  at: Date;
}

type Listener = (tx: Db, event: AppendedEvent) => Promise<void>;

const listeners = new Map<string, Listener[]>();

/**
 * React to an event kind inside the transaction that appended it (a module's consequence of another module's
 * change, e.g. an exit proposal when an accident is recorded): both commit or neither does. A listener may append
 * events of its own.
 */
export function onEvent(kind: string, listener: Listener): void {
  listeners.set(kind, [...(listeners.get(kind) ?? []), listener]);
}

export async function runListeners(tx: Db, appended: readonly AppendedEvent[]): Promise<void> {
  for (const event of appended) {
    for (const listener of listeners.get(event.kind) ?? []) await listener(tx, event);
  }
}
