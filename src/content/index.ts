export * from './read.js';
export * from './parse.js';
export * from './repository.js';
export * from './links.js';
