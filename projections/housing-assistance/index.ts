export * from './case-view';
export * from './stage';
export * from './timeline-entry';
export * from './monitoring';
