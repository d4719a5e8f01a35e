export * from './service-stage.v1';
