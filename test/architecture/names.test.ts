/**
 * The naming rule (docs/ARCHITECTURE.md "Names"), checked on every registered service: events and commands named for
 * the act without the service's name, the shared deadline facts the same everywhere, former names mapped to today's,
 * and every projection bound to its services' streams unless it reads only the shared facts.
 */
import { deadlineEventSchemas } from '../../contracts/deadlines';
import { loadRegistry } from '../../services/platform/definitions';
import type { ServiceModule } from '../../services/platform/service-module';
import { projectorWorkload } from '../../services/projector-workload';
import { registry } from '../../services/registry';

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_x, _d, c: string) => c.toUpperCase());
/** Objects the regulation itself names after the service ("the privatization decision", Rules §9). */
const REGULATION_TERMS = ['PrivatizationDecision'];
const DEADLINE_FACTS = Object.keys(deadlineEventSchemas);

/**
 * Whether a name carries its service's name: the object of the act — the whole name of an event (`<Object><Act>`),
 * the name after the verb of a command (`<Verb><Object>`) — starting with the service's title.
 */
function namedAfterService(service: string, name: string): boolean {
  const title = pascal(service);
  const verb = /^[A-Z][a-z]+/.exec(name)?.[0] ?? '';
  const object = name.startsWith(title) ? name : name.slice(verb.length);
  return object.startsWith(title) && !REGULATION_TERMS.some((t) => object.startsWith(t));
}

let modules: ServiceModule[] = [];
beforeAll(async () => {
  modules = (await loadRegistry(registry)).services;
});
const moduleOf = (service: string) => modules.find((m) => m.service === service)!;

describe.each(registry.services.map((s) => s.service))('%s', (service) => {
  let m: ServiceModule;
  let events: string[];
  let commands: string[];
  beforeAll(() => {
    m = moduleOf(service);
    events = Object.keys(m.eventSchemas);
    commands = Object.keys(m.commandSchemas);
  });
  const named = (name: string) => namedAfterService(m.service, name);

  it('names no event and no command after the service (the stream says which service)', () => {
    expect(events.filter(named)).toEqual([]);
    expect(commands.filter(named)).toEqual([]);
  });

  it('records the shared deadline facts with the one schema of every service', () => {
    for (const fact of DEADLINE_FACTS) expect(m.eventSchemas[fact]).toBe(deadlineEventSchemas[fact as never]);
  });

  it('reads former event names as event types of today, in its own streams only', () => {
    for (const r of m.eventRenames ?? []) {
      expect(r.streamPrefix).toBe(m.streamPrefix);
      expect(events).toContain(r.to);
      expect(events).not.toContain(r.from);
    }
  });

  it('takes former command names for commands of today, with their roles', () => {
    for (const [alias, name] of Object.entries(m.commandAliases ?? {})) {
      expect(commands).toContain(name);
      expect(commands).not.toContain(alias);
      expect(m.commandRoles[alias]).toBeUndefined(); // the roles are today's command's
    }
  });
});

test('the rule catches the former names, and lets the regulation name its objects (else it proves nothing)', () => {
  const m = moduleOf('housing-assistance');
  const former = [...(m.eventRenames ?? []).map((r) => r.from), ...Object.keys(m.commandAliases ?? {})];
  expect(former.length).toBe(9);
  expect(former.filter((name) => !namedAfterService(m.service, name))).toEqual([]);
  for (const name of ['PrivatizationDecisionAdopted', 'AdoptPrivatizationDecision'])
    expect(namedAfterService('privatization', name)).toBe(false);
  expect(namedAfterService('complaints', 'ComplaintLodged')).toBe(false);
});

test('every projection reads its own services’ streams, or only the deadline facts every service shares', () => {
  const unbound = projectorWorkload.projections.filter(
    (p) =>
      !p.streamPrefixes?.length && !(p.eventTypes?.length && p.eventTypes.every((t) => DEADLINE_FACTS.includes(t))),
  );
  expect(unbound.map((p) => p.name)).toEqual([]);
});
