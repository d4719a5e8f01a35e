/**
 * The case view's light fold (projections/privatization/case-view.ts) must give the same status as the decider's
 * own evolve after every event of every path (tracks 1–3 to the contract, refusal after a hearing, withdrawal).
 */
import { privatizationDecider } from '../../../domain/privatization';
import { contracted, heard, registered, tenAm } from '../../../domain/privatization/testing/histories';
import type { CaseScript } from '../../../domain/privatization/testing/case-script';
import { signedRefusal } from '../../../domain/privatization/testing/fixtures';
import { evolveView, initialViewState, ruleStageOf } from '../case-view';

function refused(): CaseScript {
  const c = heard();
  c.run(tenAm('2026-03-30'), {
    type: 'IssueReasonedRefusal',
    data: signedRefusal(
      c.caseId,
      ['not-meeting-requirements'],
      'The lease contract expired in 2019.',
      '2026-03-30T04:00:00Z',
    ),
  } as never);
  return c;
}

function withdrawn(): CaseScript {
  const c = registered();
  c.run(tenAm('2026-03-03'), { type: 'WithdrawApplication', data: { reason: 'moved' } } as never);
  return c;
}

const paths: [string, () => CaseScript][] = [
  ['track 1 contracted', () => contracted({ track: 'communal-fund' })],
  ['track 2 contracted', () => contracted({ track: 'communal-institution' })],
  ['track 3 contracted', () => contracted({ track: 'republican-institution' })],
  ['refused after a hearing (Rules §10)', refused],
  ['withdrawn', withdrawn],
];

describe.each(paths)('case view status agrees with the decider: %s', (_name, make) => {
  test('after every event', () => {
    const { history } = make();
    let domain = privatizationDecider.initialState;
    let view = initialViewState;
    for (const event of history) {
      domain = privatizationDecider.evolve(domain, event);
      view = evolveView(view, event);
      expect(view.status).toBe(domain.status);
      if (domain.status !== 'none') expect(view.track).toBe(domain.track);
    }
    expect(ruleStageOf(view.status, view.track).stageName).toBeDefined();
  });
});
