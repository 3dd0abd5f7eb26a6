import type { ErrorSpec } from '../catalogue.js';

export const registryErrors = {} as const satisfies Record<string, ErrorSpec>;
