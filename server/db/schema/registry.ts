// registry module tables (see server/modules/registry)
export {};
