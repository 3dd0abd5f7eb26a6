/**
 * The one catalogue of error codes. A code never changes meaning once shipped; clients match on it.
 * Messages are zh-CN (the default UI language) with an English counterpart.
 */
export interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

import { platformErrors } from './codes/platform.js';
import { registryErrors } from './codes/registry.js';
import { documentErrors } from './codes/documents.js';
import { standardErrors } from './codes/standards.js';
import { readinessErrors } from './codes/readiness.js';
import { confirmationErrors } from './codes/confirmations.js';
import { calendarErrors } from './codes/calendar.js';
import { recordErrors } from './codes/records.js';
import { associationErrors } from './codes/associations.js';
import { agencyErrors } from './codes/agencies.js';
import { whitelistErrors } from './codes/whitelist.js';
import { enforcementErrors } from './codes/enforcement.js';

/** Each module keeps its codes in codes/<module>.ts; this is their union, checked for clashes by a test. */
export const errorCatalogue = {
  ...platformErrors,
  ...registryErrors,
  ...documentErrors,
  ...standardErrors,
  ...readinessErrors,
  ...confirmationErrors,
  ...calendarErrors,
  ...recordErrors,
  ...associationErrors,
  ...agencyErrors,
  ...whitelistErrors,
  ...enforcementErrors,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;
