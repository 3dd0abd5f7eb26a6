// documents module tables (see server/modules/documents)
export {};
