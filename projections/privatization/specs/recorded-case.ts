/**
 * Test support: runs a privatization case on the real decider (domain/privatization/testing CaseScript) and records
 * each command's events on a log (projections/testing/envelopes.ts: positions, revisions, occurredAt = recordedAt =
 * the command's instant). Pure: returns the recorded events; the spec feeds them to the projections.
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import type { Actor, RecordedEvent } from '../../../contracts/envelope';
import { CaseScript } from '../../../domain/privatization/testing/case-script';
import { TEST_ACTOR } from '../../../domain/privatization/testing/fixtures';
import type { PrivatizationCommand } from '../../../domain/privatization';
import { EventLog } from '../../testing/envelopes';

export class RecordedCase {
  readonly script = new CaseScript();
  readonly recorded: RecordedEvent[] = [];
  private readonly log: EventLog;

  /** `log`: the events of every case of the spec, in log order (this case's are appended to it). */
  constructor(
    log: RecordedEvent[] = [],
    private readonly actor: Actor = TEST_ACTOR,
  ) {
    this.log = new EventLog(log);
  }

  run(at: string, command: PrivatizationCommand): RecordedEvent[] {
    const events = this.script.run(at, command);
    const state = this.script.state;
    const out = this.log.append(privatizationStream(this.script.caseId), events, {
      at,
      actor: this.actor,
      correlationId: 'c',
      causationId: 'c',
      regulationVersion: state.status === 'none' ? '' : state.regulationVersion,
    });
    this.recorded.push(...out);
    return out;
  }
}
