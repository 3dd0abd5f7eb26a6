import {
  agencyKindLabels,
  agencyStatusLabels,
  engagementServiceLabels,
  engagementStatusLabels,
} from '../../../../domain/agencies';

type Locale = 'zh-CN' | 'en';
const pick = (l: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? l.en : l.zh);

export const kindText = (k: keyof typeof agencyKindLabels, locale: Locale) => pick(agencyKindLabels[k], locale);
export const agencyStatusText = (s: keyof typeof agencyStatusLabels, locale: Locale) => pick(agencyStatusLabels[s], locale);
export const serviceText = (s: keyof typeof engagementServiceLabels, locale: Locale) => pick(engagementServiceLabels[s], locale);
export const engagementStatusText = (s: keyof typeof engagementStatusLabels, locale: Locale) =>
  pick(engagementStatusLabels[s], locale);

export const agencyStatusColor = { active: 'green', suspended: 'orange', blacklisted: 'red' } as const;
export const engagementStatusColor = { requested: 'blue', active: 'green', declined: 'default', ended: 'default' } as const;
