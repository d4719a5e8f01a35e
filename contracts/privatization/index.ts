export * from './shared';
export * from './commands';
export * from './events';
export * from './read-models';
