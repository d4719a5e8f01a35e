/**
 * The name of the service-stage message schema, version 1 (also its Kafka topic). Apart from the TypeBox schema
 * (./service-stage.v1.ts), so the feed's runner can stamp messages without loading TypeBox in the projector threads.
 */
export const SERVICE_STAGE_V1 = 'kezen.monitoring.service-stage.v1';
