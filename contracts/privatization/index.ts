export * from './shared';
export * from './commands';
export * from './events';
