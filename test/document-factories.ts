import type { BuiltEnterprise } from './registry-factories.js';
import { chinaDayEnd } from '../server/platform/documents/format.js';
import { commitmentTemplate, plaqueTemplate } from '../server/modules/documents/index.js';

/** The input to issue an enterprise's commitment letter (its sample text, the enterprise's name and USCC). */
export function commitmentOf(e: BuiltEnterprise) {
  return {
    template: commitmentTemplate,
    holder: { type: 'enterprise' as const, id: e.id, name: e.name },
    subject: { type: 'enterprise', id: e.id },
    subdistrictId: e.subdistrictId,
    data: { ...commitmentTemplate.sample(), enterpriseName: e.name, uscc: e.uscc },
  };
}

/** The input to issue an enterprise's plaque, valid to the end of `validTo`. */
export function plaqueOf(e: BuiltEnterprise, validTo = '2029-03-01') {
  return {
    template: plaqueTemplate,
    holder: { type: 'enterprise' as const, id: e.id, name: e.name },
    subdistrictId: e.subdistrictId,
    validUntil: chinaDayEnd(validTo),
    data: { ...plaqueTemplate.sample(), enterpriseName: e.name, validTo },
  };
}
