/**
 * The kezen of an earlier commit, loaded from its own checkout at run time (the fixture's generator and the golden
 * recorder run against the code that wrote the data, not against this tree). Only the few entry points they use are
 * typed here, loosely: the earlier code's own types are not this tree's to import.
 */
import { join, resolve } from 'node:path';
import type { Express } from 'express';

export interface OldKezen {
  app: Express;
  eventStore: {
    headPosition(): Promise<number>;
    readAll(after: number, max: number): Promise<{ streamName: string; position: number }[]>;
  };
  readStore: unknown;
  projector: {
    waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  };
  modules: readonly unknown[];
  calendar: OldCalendar;
  regulations: unknown;
  logger: unknown;
  devSecret?: { secret: string; generated: boolean };
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface OldCalendar {
  nextWorkingDay(date: string): string;
  addWorkingDays(date: string, days: number): { dueOn: string };
  localDate(instant: string): string;
}

export interface OldCode {
  root: string;
  buildKezen(
    config: unknown,
    options: { env: Record<string, string>; clock: () => Date; logDestination?: unknown },
  ): Promise<OldKezen>;
  loadConfig(env: Record<string, string>): unknown;
  mintDevToken(input: {
    secret: string;
    issuer: string;
    audience: string;
    sub: string;
    roles: string[];
    providerId?: string;
    iin?: string;
    name?: string;
  }): Promise<string>;
  /** Loads any other module of the earlier checkout, by its path from the checkout's root. */
  module<T>(path: string): T;
}

export function loadOldCode(checkout: string): OldCode {
  const root = resolve(checkout);
  // tsx resolves and compiles the earlier checkout's TypeScript; a static import would bind to this tree.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = <T>(path: string): T => require(join(root, path)) as T;
  const composition = module<Pick<OldCode, 'buildKezen'>>('services/composition');
  const config = module<Pick<OldCode, 'loadConfig'>>('services/config');
  const devToken = module<Pick<OldCode, 'mintDevToken'>>('services/auth/dev-token');
  return {
    root,
    buildKezen: composition.buildKezen,
    loadConfig: config.loadConfig,
    mintDevToken: devToken.mintDevToken,
    module,
  };
}
