import type { ErrorSpec } from '../catalogue.js';

export const documentErrors = {} as const satisfies Record<string, ErrorSpec>;
