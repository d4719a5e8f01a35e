/**
 * Compatibility of existing data directories: a data directory written by an earlier kezen (fixtures/, see its
 * README) starts under today's code and serves the same answers. Today's kezen is built in process on a copy of it,
 * with the clock fixed at the instant the goldens were read (so overdue flags and days left are comparable); every
 * recorded request is replayed in the recorded order and its answer compared with the earlier code's, group by
 * group, with one intended difference: events named with their service's name before are answered by today's names
 * (./todays-names.ts); and fields added since, only where ./differences.ts lists them. Then the log must still verify
 * and take new commands on old cases.
 *
 * Here on the directory as the earlier code left it (today's code takes over its checkpointed read models, and
 * rebuilds those whose version changed); ./rebuilt-read-models.test.ts builds them from the earlier log alone.
 */
import request from 'supertest';
import { storedEventUpcasters } from '../../services/stored-events';
import { mintDevToken } from '../../services/platform/auth/dev-token';
import { verifyAll, verifyStream } from '../../services/platform/eventstore';
import { ChainChecker } from '../../services/platform/eventstore/hash-chain';
import type { Role } from '../../services/platform/roles';
import { TEST_COMMISSION, signedDecision } from '../../domain/privatization/testing/fixtures';
import { gatewayData } from '../../domain/housing-assistance/testing/fixtures';
import { FIXTURE, basePathOf } from './goldens';
import { Run, caseOf, goldens, groups, manifest, now, secret, token } from './run';
import { withTodaysEventNames } from './todays-names';

describe(`the data directory fixtures/${FIXTURE}, written by ${goldens.recordedWith}, as it was left`, () => {
  const run = new Run();
  beforeAll(() => run.start({ groups }), 60_000);
  afterAll(() => run.close());
  const kezen = () => run.kezen;

  test('starts where it was: the same files in the data directory, the dev secret kept', () => {
    expect(run.filesBefore).toEqual(['dev-secret', 'events.sqlite', 'read-models.sqlite']);
    expect(run.dataFiles()).toEqual(run.filesBefore);
    expect(kezen().devSecret).toEqual({ secret, generated: false });
  });

  test('every stream of the log verifies: the whole chain and each stream on its own', async () => {
    const head = await kezen().eventStore.headPosition();
    const events = await kezen().eventStore.readAll(0, head + 1);
    const streams = [...new Set(events.map((e) => e.streamName))];
    expect(streams.length).toBeGreaterThan(manifest.cases.length); // the cases and the access-log days
    expect(await verifyAll(kezen().eventStore)).toEqual({ valid: true, checked: events.length });
    for (const s of streams)
      expect(await verifyStream(kezen().eventStore, s)).toEqual({
        valid: true,
        checked: events.filter((e) => e.streamName === s).length,
      });
  });

  test('every case of the manifest was asked about', () => {
    const asked = new Set(run.replies.filter((r) => r.golden.group === 'verify').map((r) => r.golden.path));
    for (const c of manifest.cases) expect(asked).toContain(`/v1/audit/streams/${c.streamName}/verify`);
  });

  test.each(groups)('%s: the same answers as the earlier code', (group) => {
    expect(run.mismatches(group)).toEqual([]);
  });

  test('the intended difference is there: the earlier answers name housing assistance events by their former names', () => {
    const former = storedEventUpcasters().renames.map((r) => r.from);
    let renamed = 0;
    for (const golden of goldens.answers) {
      const today = withTodaysEventNames(golden, manifest.cases);
      renamed += today.renamed;
      const left = former.filter((name) => JSON.stringify(today.answer).includes(`"${name}"`));
      expect({ path: golden.path, left }).toEqual({ path: golden.path, left: [] });
    }
    expect(renamed).toBe(259);
  });

  test('the log keeps the names it was written with (the chain covers them); reads give today’s', async () => {
    const c = caseOf('ha01-assigned');
    const stored = await kezen().eventStore.readStream(c.streamName, { raw: true });
    const read = await kezen().eventStore.readStream(c.streamName);
    expect(stored.map((e) => e.type)).toEqual([
      'HousingAssistanceApplicationSubmitted',
      'CompleteDocumentsAccepted',
      'DeadlineSet',
      'HousingAssistanceGatewayDataRecorded',
      'HousingAssistanceAssigned',
      'DeadlineSatisfied',
      'HousingAssistanceResultIssued',
    ]);
    expect(read.map((e) => e.type)).toEqual([
      'ApplicationSubmitted',
      'CompleteDocumentsAccepted',
      'DeadlineSet',
      'GatewayDataRecorded',
      'AssistanceAssigned',
      'DeadlineSatisfied',
      'ResultIssued',
    ]);
    expect(read.map(({ type: _t, ...rest }) => rest)).toEqual(stored.map(({ type: _t, ...rest }) => rest));
    // The hashes cover the stored names: the chain checked on the events as read would break at the first rename.
    const checker = new ChainChecker();
    expect(read.map((e) => checker.check(e)).find(Boolean)).toMatchObject({ revision: 0, reason: 'hash-mismatch' });
  });

  describe('old cases take new commands', () => {
    const send = async (label: string, role: Role, name: string, body: object) => {
      const c = caseOf(label);
      const req = request(kezen().app)
        .post(`${basePathOf(c)}/${c.caseId}/commands/${name}`)
        .set(
          'Authorization',
          `Bearer ${await token(role, { providerId: c.providerId, sub: `compat:${role}@${c.providerId}` })}`,
        );
      return req.send(body);
    };

    /** The command is accepted, its events extend the case's chain, and the case view moves on. */
    async function acceptedOn(label: string, role: Role, name: string, body: object, expectedEvent: string) {
      const c = caseOf(label);
      const before = await kezen().eventStore.readStream(c.streamName);
      const res = await send(label, role, name, body);
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
      expect(res.body.events.map((e: { type: string }) => e.type)).toContain(expectedEvent);
      const after = await kezen().eventStore.readStream(c.streamName);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBe(before.length + res.body.events.length);
      expect(after[before.length]!.metadata.prevHash).toBe(before[before.length - 1]!.metadata.hash);
      expect(await verifyStream(kezen().eventStore, c.streamName)).toEqual({ valid: true, checked: after.length });
      const view = await run.get(`${basePathOf(c)}/${c.caseId}?minPosition=${res.body.position}`);
      expect(view.status).toBe(200);
      expect(view.body.revision).toBe(after.length - 1);
      const verified = await run.get(`/v1/audit/streams/${c.streamName}/verify`);
      expect(verified.body).toMatchObject({ valid: true, checked: after.length });
    }

    test('a privatization case under review: the commission is formed', async () => {
      await acceptedOn(
        'p17-reviewed',
        'commission-secretary',
        'FormCommission',
        { members: TEST_COMMISSION },
        'CommissionFormed',
      );
    });

    test("a privatization case with the commission's votes: the head's signed decision is verified and adopted", async () => {
      const c = caseOf('p19-voted');
      const body = signedDecision(c.caseId, 'HC-compat-1', new Date(now.getTime() - 3_600_000).toISOString());
      await acceptedOn(
        'p19-voted',
        'provider-head',
        'AdoptPrivatizationDecision',
        body,
        'PrivatizationDecisionAdopted',
      );
    });

    test('a housing assistance case past its decision term: the gateway data is recorded', async () => {
      await acceptedOn('ha05-accepted', 'provider-officer', 'RecordGatewayData', gatewayData(), 'GatewayDataRecorded');
    });

    test('a housing assistance case with its gateway data: assigned by the command’s former name', async () => {
      await acceptedOn(
        'ha06-gateway-data',
        'provider-officer',
        'AssignHousingAssistance',
        { decisionNumber: 'HA-compat-1' },
        'AssistanceAssigned',
      );
    });

    test.each(['AssignHousingAssistance', 'AssignAssistance'])(
      'a housing assistance command the earlier code accepted, sent again as %s with its key, is answered from the log',
      async (name) => {
        const c = caseOf('ha01-assigned');
        const head = await kezen().eventStore.headPosition();
        const sub = `fixture:provider-officer@${c.providerId}`;
        const res = await request(kezen().app)
          .post(`${basePathOf(c)}/${c.caseId}/commands/${name}`)
          .set('Authorization', `Bearer ${await token('provider-officer', { providerId: c.providerId, sub })}`)
          .set('Idempotency-Key', 'ha01-assigned:3')
          .send({ decisionNumber: 'HA-ha01-assigned' });
        expect({ status: res.status, replayed: res.body.replayed }).toEqual({ status: 200, replayed: true });
        expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
          'AssistanceAssigned',
          'DeadlineSatisfied',
        ]);
        expect(await kezen().eventStore.headPosition()).toBe(head);
      },
    );

    test('a command the earlier code accepted, sent again with its Idempotency-Key, is answered from the log', async () => {
      const r = manifest.resend;
      const head = await kezen().eventStore.headPosition();
      const res = await request(kezen().app)
        .post(r.path)
        .set(
          'Authorization',
          `Bearer ${await mintDevToken({ secret, issuer: 'kezen-dev', audience: 'kezen', sub: r.sub, roles: [r.role as Role], ...(r.providerId ? { providerId: r.providerId } : {}) })}`,
        )
        .set('Idempotency-Key', r.idempotencyKey)
        .send(r.body as object);
      expect(res.status).toBe(200);
      expect(await kezen().eventStore.headPosition()).toBe(head);
    });
  });
});
