/** swagger-ui-dist ships no types; only the path of its static files is used (routes/docs.ts). */
declare module 'swagger-ui-dist' {
  export function getAbsoluteFSPath(): string;
}
