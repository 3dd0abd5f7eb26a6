import { AjvCompiler, type RouteDefinition, type ValidatorFactory } from '@fastify/ajv-compiler';
import type { AnyValidateFunction, ErrorObject } from 'ajv/dist/core.js';

const common = { removeAdditional: false, allErrors: true } as const;

/**
 * Request validators for Fastify's `schemaController`.
 *
 * Query strings, path parameters and headers arrive as text, so their numbers and booleans are coerced.
 * JSON bodies are not coerced: a `null` sent to clear a number must stay `null`, not become 0.
 * Ajv turns "1e309" into Infinity and then skips `maximum`, so non-finite numbers are refused here.
 */
export const buildValidator: ValidatorFactory = (externalSchemas, serverOptions) => {
  const factory = AjvCompiler();
  const plugins = serverOptions?.plugins ?? [];
  const textCompile = factory(externalSchemas, {
    customOptions: { ...common, coerceTypes: 'array' },
    plugins,
  });
  const jsonCompile = factory(externalSchemas, { customOptions: { ...common, coerceTypes: false }, plugins });

  return (route: RouteDefinition) => {
    if (route.httpPart === 'body') return jsonCompile(route);
    return refuseNonFinite(textCompile(route));
  };
};

function refuseNonFinite(validate: AnyValidateFunction): AnyValidateFunction {
  const checked = ((data: unknown) => {
    const ok = validate(data) as boolean;
    checked.errors = validate.errors;
    if (!ok) return false;
    const key = nonFiniteKey(data);
    if (key === undefined) return true;
    const error: ErrorObject = {
      instancePath: `/${key}`,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'number' },
      message: 'must be a finite number',
    };
    checked.errors = [error];
    return false;
  }) as AnyValidateFunction;
  return checked;
}

function nonFiniteKey(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  for (const [key, value] of Object.entries(data)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) return key;
  }
  return undefined;
}
