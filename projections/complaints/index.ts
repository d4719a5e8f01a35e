export * from './complaint-view';
export * from './case-entries';
export * from './timeline-entry';
