/** UI strings of the ticket area. German first; `en` must have every key. */
export const de = {} as const;

export const en: Record<keyof typeof de, string> = {};
