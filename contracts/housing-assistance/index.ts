export * from './income-kinds';
export * from './commands';
export * from './events';
export * from './parameters';
export * from './calculation';
export * from './read-models';
