/**
 * Test support: runs a privatization case on the real decider (domain/privatization/testing CaseScript) and records
 * each command's events as a real log would (envelopes with positions, revisions, occurredAt = recordedAt = the
 * command's instant). Pure: returns the recorded events; the spec feeds them to the projections.
 */
import { privatizationStream } from '../../../domain/privatization/stream';
import type { Actor, RecordedEvent } from '../../../contracts/envelope';
import { CaseScript } from '../../../domain/privatization/testing/case-script';
import { TEST_ACTOR } from '../../../domain/privatization/testing/fixtures';
import type { PrivatizationCommand } from '../../../domain/privatization';

export class RecordedCase {
  readonly script = new CaseScript();
  readonly recorded: RecordedEvent[] = [];

  constructor(
    private readonly log: RecordedEvent[] = [],
    private readonly actor: Actor = TEST_ACTOR,
  ) {}

  run(at: string, command: PrivatizationCommand): RecordedEvent[] {
    const events = this.script.run(at, command);
    const streamName = privatizationStream(this.script.caseId);
    const commandId = `cmd-${this.log.length}`; // one command: every event it appends carries its id
    const out = events.map((e) => {
      const recorded: RecordedEvent = {
        eventId: `${streamName}-${this.recorded.length}`,
        type: e.type,
        schemaVersion: 1,
        data: e.data,
        metadata: {
          commandId,
          correlationId: 'c',
          causationId: 'c',
          actor: this.actor,
          occurredAt: at,
          recordedAt: at,
          regulationVersion: this.script.state.status === 'none' ? '' : this.script.state.regulationVersion,
          prevHash: '',
          hash: '',
        },
        streamName,
        revision: this.recorded.length,
        position: this.log.length + 1,
      };
      this.recorded.push(recorded);
      this.log.push(recorded);
      return recorded;
    });
    return out;
  }
}
