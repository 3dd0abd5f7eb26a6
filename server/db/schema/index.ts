export * from './reference.js';
export * from './identity.js';
export * from './platform.js';
export * from './registry.js';
export * from './documents.js';
export * from './standards.js';
