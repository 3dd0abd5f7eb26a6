export * from './identity.js';
export * from './platform.js';
