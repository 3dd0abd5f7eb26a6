/** Text for a LIKE / ILIKE pattern with its wildcards (%, _) and the escape character taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `text` anywhere. */
export const containing = (text: string) => `%${escapeLike(text)}%`;
