export * from './complaint-view';
export * from './case-entries';
export * from './timeline-entry';
export * from './monitoring';
export * from './dashboard';
