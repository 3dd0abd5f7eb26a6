/** Labels of registry enums, shared by the server (import/export) and the web UI. */
export const scaleLabels = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
} as const;

export const operatingStatusLabels = {
  operating: { zh: '在营', en: 'Operating' },
  suspended: { zh: '停产停业', en: 'Suspended' },
  closed: { zh: '关闭', en: 'Closed' },
  deregistered: { zh: '注销', en: 'Deregistered' },
} as const;

export type Scale = keyof typeof scaleLabels;
export type OperatingStatus = keyof typeof operatingStatusLabels;

/** Find the enum key for a Chinese or English label, or the key itself (spreadsheet import). */
export function keyForLabel<K extends string>(labels: Record<K, { zh: string; en: string }>, text: string): K | undefined {
  const t = text.trim();
  for (const key of Object.keys(labels) as K[]) {
    if (key === t || labels[key].zh === t || labels[key].en.toLowerCase() === t.toLowerCase()) return key;
  }
  return undefined;
}
